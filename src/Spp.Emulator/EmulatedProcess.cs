using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Spp.Emulator.Nfv;
using Spp.Emulator.Pcap;
using Spp.Emulator.Primary;
using Spp.Emulator.Wire;
using Spp.Emulator.Worker;

namespace Spp.Emulator;

/// <summary>
/// An emulated SPP process: a TCP client of the controller that answers every request as the real process
/// does, byte for byte. It connects on start, retries every <see cref="EmulatorOptions.RetryInterval"/> while
/// the controller is absent, reconnects when the controller closes the connection and keeps its state.
/// </summary>
public sealed class EmulatedProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly ControllerEndpoint _controller;
    private readonly EmulatorOptions _options;
    private readonly ReplyFraming _framing;
    private readonly IProcessBehaviour _behaviour;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private readonly List<EmulatedProcess> _launched = [];
    private readonly Task _run;
    private Connection? _connection;
    private int _connectionCount;
    private bool _exited;
    private int _disposed;

    private EmulatedProcess(EmulatedKind kind, int clientId, ControllerEndpoint controller, EmulatorOptions options)
    {
        Kind = kind;
        ClientId = kind == EmulatedKind.Primary ? 0 : clientId;
        _controller = controller;
        _options = options;
        _framing = kind is EmulatedKind.Primary or EmulatedKind.Nfv
            ? ReplyFraming.Padded(options.MessageSize)
            : ReplyFraming.Stream(options.WorkerExitDelay);
        _behaviour = kind switch
        {
            EmulatedKind.Primary => new PrimaryBehaviour(options, options.LaunchSecondaries ? Launch : null),
            EmulatedKind.Nfv => new NfvBehaviour(clientId, options),
            EmulatedKind.Vf => new VfBehaviour(clientId, options),
            EmulatedKind.Mirror => new MirrorBehaviour(clientId, options),
            EmulatedKind.Pcap => new PcapBehaviour(clientId, options),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        options.InitialFaults?.Invoke(Faults);
        _run = Task.Run(() => RunAsync(_lifetime.Token));
    }

    public EmulatedKind Kind { get; }

    /// <summary>The client id given at start (0 for the primary).</summary>
    public int ClientId { get; }

    public FaultSettings Faults { get; } = new();

    /// <summary>Every request received so far, in order, one entry per read, as text.</summary>
    public IReadOnlyList<string> ReceivedCommands
    {
        get { lock (_gate) return [.. _received]; }
    }

    public int ConnectionCount
    {
        get { lock (_gate) return _connectionCount; }
    }

    public bool IsConnected
    {
        get { lock (_gate) return _connection is not null; }
    }

    /// <summary>True once the process has terminated: after answering <c>exit</c>, or after a crash.</summary>
    public bool HasExited
    {
        get { lock (_gate) return _exited; }
    }

    /// <summary>Secondaries started by the primary's <c>launch</c> (with <see cref="EmulatorOptions.LaunchSecondaries"/>).</summary>
    public IReadOnlyList<EmulatedProcess> LaunchedSecondaries
    {
        get { lock (_gate) return [.. _launched]; }
    }

    /// <param name="clientId">Ignored for <see cref="EmulatedKind.Primary"/>.</param>
    public static EmulatedProcess Start(EmulatedKind kind, int clientId, ControllerEndpoint controller, EmulatorOptions? options = null) =>
        new(kind, clientId, controller, options ?? new EmulatorOptions());

    /// <summary>How many times exactly this request text was received.</summary>
    public int CommandCount(string command)
    {
        lock (_gate) return _received.Count(c => c == command);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<EmulatedProcess, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"{Label} did not reach the condition within {timeout}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>Drops the current connection; the process reconnects after the retry interval.</summary>
    public async Task DisconnectAsync()
    {
        Connection? connection;
        lock (_gate)
        {
            connection = _connection;
            connection?.Drop();
        }
        if (connection is not null) await connection.Closed;
    }

    /// <summary>Stops the process for good (and the secondaries it launched), closing its socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _lifetime.CancelAsync();
        await _run;
        foreach (var secondary in LaunchedSecondaries) await secondary.DisposeAsync();
        _lifetime.Dispose();
    }

    private string Label => Kind == EmulatedKind.Primary ? "primary" : $"{Kind.ToString().ToLowerInvariant()}:{ClientId}";

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(_controller.Host, _controller.Port, stop);
            }
            catch (SocketException error)
            {
                Log($"cannot connect to {_controller.Host}:{_controller.Port} ({error.SocketErrorCode}), retrying");
                await PauseAsync(_options.RetryInterval, stop);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var end = await ServeAsync(socket, stop);
            switch (end)
            {
                case SessionEnd.Exited or SessionEnd.Crashed:
                    lock (_gate) _exited = true;
                    return;
                case SessionEnd.Hung:
                    await PauseAsync(Timeout.InfiniteTimeSpan, stop);
                    return;
                case SessionEnd.Dropped or SessionEnd.FaultClosed:
                    await PauseAsync(_options.RetryInterval, stop);
                    break;
            }
        }
    }

    private async Task<SessionEnd> ServeAsync(Socket socket, CancellationToken stop)
    {
        var connection = new Connection(stop);
        int count;
        lock (_gate)
        {
            _connection = connection;
            count = ++_connectionCount;
        }
        Log($"connected to {_controller.Host}:{_controller.Port} (connection {count})");
        var session = new CommandSession(Kind, _behaviour, _framing, Faults, Record, Log);
        var end = await session.ServeAsync(socket, connection.Token);
        socket.Close();
        lock (_gate) _connection = null;
        connection.Dispose();
        Log($"connection closed ({end})");
        return end;
    }

    private void Record(byte[] request)
    {
        lock (_gate) _received.Add(Encoding.Latin1.GetString(request));
    }

    private void Launch(SecondaryLaunch secondary)
    {
        Log($"launching {secondary.Kind} {secondary.ClientId} to {secondary.Controller.Host}:{secondary.Controller.Port}");
        var process = Start(secondary.Kind, secondary.ClientId, secondary.Controller, _options);
        lock (_gate) _launched.Add(process);
    }

    private void Log(string line) => _options.Log?.Invoke($"{Label}: {line}");

    private static async Task PauseAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, stop);
        }
        catch (OperationCanceledException)
        {
            // Disposed: the run loop ends.
        }
    }

    /// <summary>The current connection, which <see cref="DisconnectAsync"/> can drop.</summary>
    private sealed class Connection(CancellationToken lifetime) : IDisposable
    {
        private readonly CancellationTokenSource _drop = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken Token => _drop.Token;

        public Task Closed => _closed.Task;

        public void Drop() => _drop.Cancel();

        public void Dispose()
        {
            _closed.TrySetResult();
            _drop.Dispose();
        }
    }
}
