namespace Spp.Web.Tests.Fixtures;

/// <summary>Access control on, with one token: a viewer's.</summary>
public static class ViewerAccess
{
    public const string Token = "viewer-token-0123456789";

    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Access:Tokens:0:Name"] = "monitor",
        ["Access:Tokens:0:Token"] = Token,
        ["Access:Tokens:0:Role"] = "viewer",
    };
}
