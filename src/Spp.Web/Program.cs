using Spp.Web.Hosting;

// Socket completions run on the thread that polls the sockets, so that a reply goes from the socket through Akka.IO's
// connection actor to the asker without a thread hand-off (see Dispatch/ProcessDispatcher). The runtime reads this
// only from the environment, once, before the first socket; an operator's own setting of it is kept.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");

return await DaemonProgram.RunAsync(args);
