using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Spp.Web.Hosting;

/// <summary>At most N connections at once on one listener; a connection over the limit is closed at once.</summary>
public static class ConnectionLimit
{
    public static void Apply(ListenOptions listener, int maximum)
    {
        if (maximum <= 0) return;
        var open = 0;
        listener.Use(next => async connection =>
        {
            if (Interlocked.Increment(ref open) > maximum)
            {
                Interlocked.Decrement(ref open);
                connection.Abort(new ConnectionAbortedException("too many connections"));
                return;
            }
            try
            {
                await next(connection);
            }
            finally
            {
                Interlocked.Decrement(ref open);
            }
        });
    }
}
