namespace Spp.Web.Http;

/// <summary>Writes an <see cref="ApiResult"/>: JSON with 200, nothing with 204, one text line for errors.</summary>
public static class ResponseWriter
{
    public static Task WriteAsync(HttpResponse response, ApiResult result)
    {
        switch (result)
        {
            case ApiResult.Json json:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/json";
                response.ContentLength = json.Body.Length;
                return response.Body.WriteAsync(json.Body).AsTask();
            case ApiResult.Error error:
                response.StatusCode = error.Status;
                response.ContentType = "text/plain; charset=utf-8";
                return response.WriteAsync(error.Message);
            default:
                response.StatusCode = StatusCodes.Status204NoContent;
                return Task.CompletedTask;
        }
    }
}
