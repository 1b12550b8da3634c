using System.Reflection;
using Spp.Web.Access;
using Spp.Web.Http;

namespace Spp.Web.Topology;

/// <summary>
/// The live topology page. <c>GET /</c> from a browser (it asks for <c>text/html</c>) is the page; any other
/// request for <c>/</c> is answered as any path outside the API (identified, then 404). The page, its script and its style are built into the
/// daemon and hold no data, so they need no token. <c>GET /topology/panel</c> is the picture: every process's
/// status, laid out and drawn as SVG, behind the same access control as <c>/v1</c>.
/// </summary>
public static class TopologyEndpoints
{
    public const string Panel = "/topology/panel";

    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/topology/page.js", "page.js", "text/javascript; charset=utf-8"),
        ("/topology/page.css", "page.css", "text/css; charset=utf-8"),
    ];

    public static void Map(WebApplication app)
    {
        var page = Resource("index.html");
        var access = app.Services.GetRequiredService<AccessControl>();
        var reader = app.Services.GetRequiredService<PanelReader>();
        app.Map("/", context => IsPageRequest(context.Request)
            ? WriteAsync(context, page, "text/html; charset=utf-8")
            : ApiRoutes.IdentifiedNotFoundAsync(context, access));
        foreach (var (path, resource, contentType) in Assets)
        {
            var bytes = Resource(resource);
            app.MapMethods(path, GetOrHead, context => WriteAsync(context, bytes, contentType));
        }
        app.MapMethods(Panel, GetOrHead, context => WritePanelAsync(context, access, reader));
    }

    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.Any(accept => accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static async Task WritePanelAsync(HttpContext context, AccessControl access, PanelReader reader)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (access.Identify(context) is { } refused)
        {
            await ResponseWriter.WriteAsync(context.Response, refused);
            return;
        }
        var panel = await reader.ReadAsync(Caller.Of(context).Operator, context.RequestAborted);
        var svg = SvgPicture.Write(GraphLayout.Lay(PanelGraphBuilder.Build(panel)));
        var body = JsonBytes.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("processes", panel.Processes.Count);
            json.WriteString("svg", svg);
            json.WriteEndObject();
        });
        await ResponseWriter.WriteAsync(context.Response, new ApiResult.Json(body));
    }

    private static Task WriteAsync(HttpContext context, byte[] content, string contentType)
    {
        var response = context.Response;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(content).AsTask();
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Spp.Web.Topology.Assets.{name}")
            ?? throw new InvalidOperationException($"the page's {name} is not built into the daemon");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
