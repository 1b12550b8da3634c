namespace Spp.Web.Http;

/// <summary>What an endpoint answers: JSON data, no content, or an error line (rest-api.md 1.6).</summary>
public abstract record ApiResult
{
    public sealed record Json(ReadOnlyMemory<byte> Body) : ApiResult;

    public sealed record NoContent : ApiResult;

    public sealed record Error(int Status, string Message) : ApiResult;

    public static readonly ApiResult Done = new NoContent();

    public static ApiResult BadRequest(string message) => new Error(400, message);

    public static ApiResult NotFound(string message) => new Error(404, message);

    public static ApiResult ServerError(string message) => new Error(500, message);
}
