namespace Spp.Web.Http;

/// <summary>
/// The endpoints of one process type (or of one other part of the API), mapped as one route group under
/// <paramref name="Prefix"/>, which every route of the group starts with, and tagged <paramref name="Name"/>.
/// </summary>
public sealed record ApiGroup(string Name, string Prefix, IReadOnlyList<ApiEndpoint> Endpoints);
