using System.Diagnostics;
using System.Text;
using Spp.Emulator;

namespace Spp.Soak;

/// <summary>One operator: mixed requests to random processes until the end.</summary>
public static class Load
{
    public static async Task OperateAsync(HttpClient http, Fleet fleet, int op, DateTime end, Tally tally)
    {
        var random = new Random(op);
        for (var seq = 0; DateTime.UtcNow < end; seq++)
        {
            var process = fleet.Processes[random.Next(fleet.Processes.Count)];
            var (method, path, body) = RequestFor(process, random.Next(4), $"o{op}n{seq}");
            var clock = Stopwatch.StartNew();
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.SendAsync(request);
                tally.Add(Tally.KindOf((int)response.StatusCode, await response.Content.ReadAsStringAsync()), clock.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                tally.Add($"client error {e.GetType().Name}", clock.Elapsed.TotalMilliseconds);
            }
        }
    }

    private static (string Method, string Path, string? Body) RequestFor(EmulatedProcess process, int choice, string name)
    {
        var id = process.ClientId;
        return (process.Kind, choice) switch
        {
            (EmulatedKind.Primary, 0) => ("GET", "/v1/primary/status", null),
            (EmulatedKind.Primary, 1) => ("PUT", "/v1/primary/forward", """{"action":"start"}"""),
            (EmulatedKind.Primary, _) => ("GET", "/v1/processes", null),
            (EmulatedKind.Nfv, 0) => ("GET", $"/v1/nfvs/{id}", null),
            (EmulatedKind.Nfv, 1) => ("PUT", $"/v1/nfvs/{id}/forward", """{"action":"start"}"""),
            (EmulatedKind.Nfv, 2) => ("PUT", $"/v1/nfvs/{id}/patches", """{"src":"phy:0","dst":"phy:1"}"""),
            (EmulatedKind.Nfv, _) => ("PUT", $"/v1/nfvs/{id}/ports", """{"action":"bogus","port":"ring:0"}"""),
            (EmulatedKind.Vf, 0) => ("GET", $"/v1/vfs/{id}", null),
            (EmulatedKind.Vf, 1) => ("POST", $"/v1/vfs/{id}/components", $$"""{"name":"{{name}}","core":2,"type":"forward"}"""),
            (EmulatedKind.Vf, _) => ("DELETE", $"/v1/vfs/{id}/components/{name}", null),
            (EmulatedKind.Mirror, 0) => ("GET", $"/v1/mirrors/{id}", null),
            (EmulatedKind.Mirror, _) => ("DELETE", $"/v1/mirrors/{id}/components/{name}", null),
            (EmulatedKind.Pcap, 0) => ("GET", $"/v1/pcaps/{id}", null),
            (EmulatedKind.Pcap, _) => ("GET", "/v1/cpu_usage", null),
            _ => ("GET", "/v1/processes", null),
        };
    }
}
