namespace Spp.Actors;

/// <summary>The time limits of talking to SPP processes.</summary>
public sealed record ControllerSettings
{
    /// <summary>How long one command may wait for its reply (<c>--timeout</c>).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a newcomer on the secondary port has to answer <c>_get_client_id</c>.</summary>
    public TimeSpan IdentificationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A reply that is not JSON is complete once the line has been quiet this long.</summary>
    public TimeSpan TextReplyQuietPeriod { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>At most this many connections on the two SPP ports together; more are closed at once.</summary>
    public int MaxProcessConnections { get; init; } = 1024;

    /// <summary>At most this many newcomers waiting to be identified; more are closed at once.</summary>
    public int MaxPendingIdentifications { get; init; } = 256;

    /// <summary>
    /// The addresses SPP processes may connect from (single addresses are /32 networks). Empty: any address.
    /// A connection from anywhere else is closed at once and logged.
    /// </summary>
    public IReadOnlyList<System.Net.IPNetwork> AllowedPeers { get; init; } = [];

    /// <summary>
    /// The longest an asker waits for one request: a gated request is two exchanges, each within the command
    /// timeout, after whatever was queued before it. Past it the asker gets a timeout and, if it was not sent yet,
    /// the request is dropped unsent.
    /// </summary>
    public TimeSpan AskTimeout => 3 * CommandTimeout + TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping controller lets the commands in flight and queued finish before it closes anyway.</summary>
    public TimeSpan DrainTimeout => 2 * CommandTimeout + TimeSpan.FromSeconds(5);

    /// <summary>The timeout as error messages state it: <c>no reply within {n} s</c>.</summary>
    public string CommandTimeoutText => CommandTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
