namespace Spp.Emulator.Wire;

/// <summary>
/// The hand-built JSON styles of the SPP processes (no escaping, as the processes do). Values are passed
/// already rendered; <see cref="Str"/> quotes a string.
/// </summary>
internal sealed record JsonStyle(string Open, string Close, string Separator, string KeySeparator, string ArrayOpen, string ArrayClose, string EmptyArray)
{
    /// <summary>primary and nfv: <c>{"result":"succeeded","command":"add"}</c>.</summary>
    public static JsonStyle Compact { get; } = new("{", "}", ",", ":", "[", "]", "[]");

    /// <summary>vf, mirror, pcap: <c>{ "results": [ { "result": "success" } ] }</c>, empty array <c>[  ]</c>.</summary>
    public static JsonStyle Spaced { get; } = new("{ ", " }", ", ", ": ", "[ ", " ]", "[  ]");

    /// <summary>primary <c>flow</c> replies: <c>{"result": "success", "message": "Flow rule validated"}</c>.</summary>
    public static JsonStyle Flow { get; } = new("{", "}", ", ", ": ", "[", "]", "[]");

    public string Object(params (string Key, string Value)[] members) =>
        Open + string.Join(Separator, members.Select(m => $"\"{m.Key}\"{KeySeparator}{m.Value}")) + Close;

    public string Array(IEnumerable<string> items)
    {
        var joined = string.Join(Separator, items);
        return joined.Length == 0 ? EmptyArray : ArrayOpen + joined + ArrayClose;
    }

    public static string Str(string value) => $"\"{value}\"";
}
