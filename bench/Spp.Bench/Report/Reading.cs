namespace Spp.Bench.Report;

/// <summary>What one build measured for a figure: the value (NaN when it could not be measured) and its detail.</summary>
public sealed record Reading(double Value, string Detail = "");
