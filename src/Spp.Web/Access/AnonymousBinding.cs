using System.Net;

namespace Spp.Web.Access;

/// <summary>
/// The API may be open to everyone only on the loopback address, as upstream's default is. Anywhere else it needs
/// access tokens, or the operator's explicit <c>--allow-anonymous</c>.
/// </summary>
public static class AnonymousBinding
{
    /// <summary>Why the daemon must not start this way, or null if it may.</summary>
    public static string? Refusal(IPAddress bindAddress, AccessSettings access, bool allowAnonymous) =>
        IPAddress.IsLoopback(bindAddress) || access.Enabled || allowAnonymous
            ? null
            : $"refusing to serve the REST API on {bindAddress} without access tokens: anyone who can reach it could "
              + "control every SPP process. Configure Access:Tokens, or pass --allow-anonymous to run without access control.";
}
