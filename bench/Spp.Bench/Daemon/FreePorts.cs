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
}
