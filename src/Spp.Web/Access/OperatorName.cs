namespace Spp.Web.Access;

/// <summary>The name an operator goes by in logs, events and the audit trail: short printable ASCII.</summary>
public static class OperatorName
{
    public const int MaxLength = 64;

    public const string Rule = "1 to 64 printable ASCII characters";

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => c is >= ' ' and <= '~') && name.Trim() == name;
}
