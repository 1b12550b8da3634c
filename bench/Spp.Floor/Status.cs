namespace Spp.Floor;

internal sealed record Status(int Id);
