using System.Net;
using System.Net.Sockets;

namespace Spp.Web.Hosting;

/// <summary>A listener cannot be opened: its port is taken, not allowed, or the address is not local.</summary>
public sealed class ListenerException(string listener, IPEndPoint endpoint, string reason)
    : Exception($"cannot listen on {endpoint} for the {listener}: {reason}")
{
    public string Listener { get; } = listener;
    public int Port { get; } = endpoint.Port;

    /// <summary>
    /// Tries each port before the host starts, so that a taken port fails fast with its name and number
    /// (port 0, chosen by the system, is never taken).
    /// </summary>
    public static void ThrowIfUnavailable(IPAddress address, params (string Listener, int Port)[] ports)
    {
        foreach (var (listener, port) in ports.Where(p => p.Port != 0))
        {
            var endpoint = new IPEndPoint(address, port);
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endpoint);
                socket.Listen();
            }
            catch (SocketException e)
            {
                throw new ListenerException(listener, endpoint, e.SocketErrorCode switch
                {
                    SocketError.AddressAlreadyInUse => "address already in use",
                    SocketError.AccessDenied => "permission denied",
                    SocketError.AddressNotAvailable => "address not available on this host",
                    _ => e.Message,
                });
            }
        }
    }
}
