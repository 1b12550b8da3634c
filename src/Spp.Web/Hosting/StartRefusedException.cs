namespace Spp.Web.Hosting;

/// <summary>The daemon will not start as configured: a bad setting, or an API open to the network without tokens.</summary>
public sealed class StartRefusedException(string message) : Exception(message);
