namespace Spp.Web.Http;

/// <summary>The endpoints of one process type (or of one other part of the API), mapped as one route group.</summary>
public sealed record ApiGroup(string Name, IReadOnlyList<ApiEndpoint> Endpoints);
