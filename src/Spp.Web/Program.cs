using Spp.Web.Hosting;

return await DaemonProgram.RunAsync(args);
