using Spp.Protocol.Commands;
using Spp.Web.Http;

namespace Spp.Web.Api;

/// <summary>The bodies that spp_primary and spp_nfv share: forward, ports and patches (rest-api.md 2.2, 2.3).</summary>
public static class PortRequests
{
    /// <summary><c>{"action": "start"|"stop"}</c> → <c>forward</c> / <c>stop</c>.</summary>
    public static string Forward(JsonBody body) => Commands.Forward(body.OneOf("action", "start", "stop") == "start");

    /// <summary><c>{"action": "add"|"del", "port": P}</c> for a port of one of <paramref name="types"/>.</summary>
    public static string AddOrDelete(JsonBody body, string[] types)
    {
        body.RequireAll("action", "port");
        var action = body.OneOf("action", "add", "del");
        var port = body.Port("port", types);
        if (action == "del") return Commands.Del(port);
        if (port.Type != "pipe") return Commands.Add(port);
        return Commands.AddPipe(port, body.Port("rx", "ring"), body.Port("tx", "ring"));
    }

    /// <summary><c>{"src": P, "dst": P}</c> → <c>patch {src} {dst}</c>.</summary>
    public static string Patch(JsonBody body)
    {
        body.RequireAll("src", "dst");
        var src = body.Port("src");
        return Commands.Patch(src, body.Port("dst"));
    }
}
