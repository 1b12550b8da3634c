using System.Security.Cryptography;
using Spp.Web.Http;

namespace Spp.Web.Access;

/// <summary>
/// Who may do what, checked as each request is routed (see <see cref="ApiRoutes"/>). Off (everyone may do everything) when no token
/// is configured; then the caller is named by <c>X-SPP-Operator</c> or their remote address. On: every request
/// needs a configured bearer token (<c>401</c>), and a viewer's token only allows GET (<c>403</c>).
/// </summary>
public sealed class AccessControl(AccessSettings settings, ILogger<AccessControl> logger)
{
    public const string OperatorHeader = "X-SPP-Operator";

    public bool Enabled => settings.Enabled;

    /// <summary>Records the caller on the request; or answers <c>401</c> (no valid token) or <c>400</c> (bad operator header).</summary>
    public ApiResult? Identify(HttpContext context)
    {
        if (!settings.Enabled) return IdentifyByHeader(context);

        var token = BearerToken(context.Request);
        if (token is null) return Unauthorized(context, "a bearer token is required.", null);
        var hash = AccessToken.Hash(token);
        AccessToken? holder = null;
        foreach (var candidate in settings.Tokens)
            if (CryptographicOperations.FixedTimeEquals(candidate.TokenHash, hash)) holder = candidate;
        if (holder is null) return Unauthorized(context, "the bearer token is not valid.", "invalid_token");
        new Caller(holder.Name, holder.Role).AttachTo(context);
        return null;
    }

    /// <summary><c>403</c> when a viewer asks for anything but GET (or HEAD, answered as GET).</summary>
    public ApiResult? Authorize(HttpContext context, string method)
    {
        var caller = Caller.Of(context);
        if (caller.Role != AccessRole.Viewer || method == HttpMethods.Get) return null;
        logger.LogWarning("Forbidden: {Operator} (viewer) asked for {Method} {Path}", caller.Operator, context.Request.Method, context.Request.Path);
        return new ApiResult.Error(StatusCodes.Status403Forbidden, $"Forbidden: {caller.Operator} has the viewer role, which may only GET.");
    }

    private static ApiResult? IdentifyByHeader(HttpContext context)
    {
        var header = context.Request.Headers[OperatorHeader];
        if (header.Count == 0) return null;
        if (header.Count > 1 || !OperatorName.IsValid(header[0]))
            return ApiResult.BadRequest($"invalid header({OperatorHeader}): {OperatorName.Rule} expected.");
        new Caller(header[0]!, null).AttachTo(context);
        return null;
    }

    private ApiResult Unauthorized(HttpContext context, string reason, string? error)
    {
        logger.LogWarning("Unauthorized: {Method} {Path} from {Peer}: {Reason}", context.Request.Method, context.Request.Path, Caller.RemoteAddress(context), reason);
        context.Response.Headers.WWWAuthenticate = error is null ? "Bearer realm=\"spp-ctl\"" : $"Bearer realm=\"spp-ctl\", error=\"{error}\"";
        return new ApiResult.Error(StatusCodes.Status401Unauthorized, $"Unauthorized: {reason}");
    }

    /// <summary>The token of <c>Authorization: Bearer {token}</c>, or null.</summary>
    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value) return null;
        var space = value.IndexOf(' ');
        if (space < 0 || !value[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return null;
        var token = value[(space + 1)..].Trim(' ');
        return token.Length == 0 ? null : token;
    }
}
