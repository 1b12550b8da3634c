using System.Globalization;
using Spp.Web.Hosting;

namespace Spp.Web.Audit;

/// <summary>
/// The <c>Audit</c> configuration section: <c>Audit:Capacity</c>, how many entries are kept in memory (default
/// 1000), and <c>Audit:Path</c>, a JSON-lines file every entry is appended to (none by default).
/// </summary>
public sealed record AuditSettings(int Capacity, string? Path)
{
    public const int DefaultCapacity = 1000;
    public const int MaxCapacity = 1_000_000;

    public static readonly AuditSettings Default = new(DefaultCapacity, null);

    public static AuditSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("Audit");
        var capacityText = section["Capacity"];
        var capacity = DefaultCapacity;
        if (capacityText is not null
            && (!int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out capacity) || capacity is < 1 or > MaxCapacity))
            throw new StartRefusedException($"Audit:Capacity must be a whole number from 1 to {MaxCapacity}, not '{capacityText}'");
        var path = section["Path"];
        return new AuditSettings(capacity, string.IsNullOrWhiteSpace(path) ? null : path);
    }
}
