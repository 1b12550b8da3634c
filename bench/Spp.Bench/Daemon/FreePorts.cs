using System.Net;
using System.Net.Sockets;

namespace Spp.Bench.Daemon;

/// <summary>Loopback ports that were free a moment ago, for a child process to listen on.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        // All listeners stay open until every port is known, so the same port is never handed out twice.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners) listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }

    /// <summary>
    /// Ports below the kernel's ephemeral range (32768 and up) that were free a moment ago: one of them cannot be
    /// handed out again by <see cref="Take"/> before the child listens on it.
    /// </summary>
    public static int[] BelowEphemeral(int count)
    {
        var ports = new List<int>();
        while (ports.Count < count)
        {
            var port = Random.Shared.Next(20000, 30000);
            if (ports.Contains(port)) continue;
            using var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                ports.Add(port);
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
        return [.. ports];
    }
}
