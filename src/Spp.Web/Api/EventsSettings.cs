using System.Globalization;
using Spp.Actors.Events;
using Spp.Web.Hosting;

namespace Spp.Web.Api;

/// <summary>
/// The <c>Events</c> configuration section: <c>Events:SubscriberCapacity</c>, how many events may wait for one
/// <c>/v1/events</c> client before it is dropped (default 256), and the keep-alive interval of idle streams.
/// </summary>
public sealed record EventsSettings(int SubscriberCapacity, TimeSpan KeepAliveInterval)
{
    public static readonly EventsSettings Default = new(ProcessEvents.DefaultCapacity, TimeSpan.FromSeconds(15));

    public static EventsSettings Read(IConfiguration configuration)
    {
        var text = configuration["Events:SubscriberCapacity"];
        if (text is null) return Default;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) && capacity is >= 1 and <= 1_000_000
            ? Default with { SubscriberCapacity = capacity }
            : throw new StartRefusedException($"Events:SubscriberCapacity must be a whole number from 1 to 1000000, not '{text}'");
    }
}
