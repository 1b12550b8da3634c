using Akka.Actor;
using Akka.Hosting;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace Spp.Floor;

/// <summary>The controller's stack with nothing of the controller: Kestrel, Akka.Hosting, Akka.Streams TCP, one Ask.</summary>
internal static class AkkaPassThrough
{
    public static async Task RunAsync(int secPort, int httpPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{httpPort}");
        builder.Services.AddAkka("floor", (akka, _) =>
        {
            akka.AddHocon("akka { stdout-loglevel = off, io.tcp { receive-buffer-size = 32k, send-buffer-size = 64k, maximum-frame-size = 32k } }", HoconAddMode.Prepend);
            akka.WithActors((system, registry) =>
            {
                var processes = system.ActorOf(Props.Create(() => new FloorProcesses()), "processes");
                registry.Register<FloorProcesses>(processes);
                system.TcpStream().Bind("127.0.0.1", secPort, backlog: 1024).RunForeach(connection => processes.Tell(connection), system.Materializer());
            });
        });
        var app = builder.Build();
        app.MapGet("/v1/nfvs/{id:int}", async (int id, IRequiredActor<FloorProcesses> processes, HttpContext context) =>
            Results.Content(await processes.ActorRef.Ask<string>(new Status(id), TimeSpan.FromSeconds(5), context.RequestAborted), "application/json"));
        await app.RunAsync();
    }
}
