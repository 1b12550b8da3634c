using System.Text.Json;
using Spp.Protocol;

namespace Spp.Web.Topology;

/// <summary>What one controller's processes reported, read at one moment.</summary>
public sealed record Panel(IReadOnlyList<ProcessView> Processes);

/// <summary>One process and its status as its <c>GET /v1/...</c> endpoint answers it, or why it could not be read.</summary>
public sealed record ProcessView(ProcessId Process, JsonElement? Status, string? Error);
