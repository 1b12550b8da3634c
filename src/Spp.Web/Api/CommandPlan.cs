using Spp.Actors.Messages;
using Spp.Protocol;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>
/// What a validated request sends and how the reply becomes the HTTP answer. A gate, if any, looks at a fresh
/// status first and may refuse with its own <see cref="ApiResult"/>.
/// </summary>
public sealed record CommandPlan(
    string Command,
    Func<ProcessId, ProcessOutcome.Replied, ApiResult> Map,
    Func<ProcessId, byte[], ApiResult?>? Gate = null,
    bool Terminates = false);
