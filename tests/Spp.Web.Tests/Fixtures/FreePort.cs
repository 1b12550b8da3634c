using System.Net;
using System.Net.Sockets;

namespace Spp.Web.Tests.Fixtures;

/// <summary>
/// A loopback port that was free a moment ago, for daemons that must be restarted on the same ports. It is taken
/// below the kernel's ephemeral range (32768 and up on Linux): a port that the kernel hands to another test's
/// listener on port 0, or to a client socket, in the moment between two daemons, cannot be one of these.
/// </summary>
public static class FreePort
{
    private const int First = 20000;
    private const int Count = 10000;
    private static int next = Random.Shared.Next(Count);

    public static int Next()
    {
        while (true)
        {
            var port = First + Interlocked.Increment(ref next) % Count;
            using var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }
}
