namespace Spp.Web.Access;

/// <summary>
/// Who sent a request: the name of their bearer token when access control is on (with its role), else the
/// <c>X-SPP-Operator</c> header, else the remote address. Kept on the request's <see cref="HttpContext"/>.
/// </summary>
public sealed record Caller(string Operator, AccessRole? Role)
{
    private static readonly object Key = new();

    /// <summary>The caller recorded for this request, or its remote address if none was recorded.</summary>
    public static Caller Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var caller) && caller is Caller known ? known : new Caller(RemoteAddress(context), null);

    public void AttachTo(HttpContext context) => context.Items[Key] = this;

    public static string RemoteAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
