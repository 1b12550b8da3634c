using System.Text.Json;

namespace Spp.Web.Http;

/// <summary>Bad input: the request is answered with this error and nothing is sent to any process.</summary>
public sealed class ApiRejection(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>The answer this rejection gives the client.</summary>
    public ApiResult Result => new ApiResult.Error(Status, Message);

    public static ApiRejection Required(string key) => new(400, $"key({key}) required.");

    public static ApiRejection Invalid(string key, JsonElement value) => Invalid(key, JsonValueText.Of(value));

    public static ApiRejection Invalid(string key, string shownValue) => new(400, $"invalid key({key}): {shownValue}.");
}
