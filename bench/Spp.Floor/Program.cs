using Spp.Floor;

// What a pass-through costs on this machine without the controller: `GET /v1/nfvs/{id}` answered with the JSON of
// one `status` round trip to the spp_nfv connected to SECPORT, served on HTTPPORT.
//   sockets: bare .NET sockets, no HTTP framework, no actors
//   akka:    ASP.NET Core, Akka.Hosting and Akka.Streams TCP, one actor per connection, no controller feature
if (args is not [("sockets" or "akka") and var mode, var sec, var http] || !int.TryParse(sec, out var secPort) || !int.TryParse(http, out var httpPort))
{
    Console.Error.WriteLine("usage: spp-floor sockets|akka SECPORT HTTPPORT");
    return 2;
}
if (mode == "sockets") await SocketPassThrough.RunAsync(secPort, httpPort);
else await AkkaPassThrough.RunAsync(secPort, httpPort);
return 0;
