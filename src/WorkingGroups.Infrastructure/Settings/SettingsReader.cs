using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace WorkingGroups.Infrastructure.Settings;

/// <summary>
/// Reads settings by name and notes what is wrong with each one instead of throwing at the first: a start-up with bad
/// settings then lists every bad one, each naming its setting, its value and what it must be, instead of showing a
/// stack trace for the first. A bad setting reads as its default, so that reading can go on.
/// </summary>
public sealed class SettingsReader(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>For settings read by code of their own (the data folder, definition folders).</summary>
    public IConfiguration Configuration => configuration;

    /// <summary>Reads with a fresh reader and throws <see cref="SettingsException"/> when anything read was wrong.</summary>
    public static T Use<T>(IConfiguration configuration, Func<SettingsReader, T> read)
    {
        var reader = new SettingsReader(configuration);
        var value = read(reader);
        if (reader._problems.Count > 0) throw new SettingsException(reader._problems);
        return value;
    }

    public void Problem(string problem) => _problems.Add(problem);

    /// <summary>The setting's text, or null when it is missing or empty.</summary>
    public string? Text(string key) => configuration[key] is { Length: > 0 } value ? value : null;

    public bool Switch(string key, bool fallback) => Text(key) switch
    {
        null => fallback,
        var text when bool.TryParse(text, out var value) => value,
        var text => Wrong(key, text, "true or false", fallback),
    };

    public int Number(string key, int fallback, int min, int max) => Text(key) switch
    {
        null => fallback,
        var text when int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max => value,
        var text => Wrong(key, text, $"a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}", fallback),
    };

    /// <summary>A duration written hours:minutes:seconds (days.hours:minutes:seconds above a day), within its bounds.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan min, TimeSpan max) => Text(key) switch
    {
        null => fallback,
        var text when text.Contains(':') && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max => value,
        var text => Wrong(key, text, $"a duration from {Written(min)} to {Written(max)}, written hours:minutes:seconds"
            + (max.Days > 0 ? " (days.hours:minutes:seconds above a day)" : ""), fallback),
    };

    /// <summary>One of the enum's names, in any case.</summary>
    public T Choice<T>(string key, T fallback) where T : struct, Enum => Text(key) switch
    {
        null => fallback,
        var text when !text.Any(char.IsDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) => value,
        var text => Wrong(key, text, OneOf(Enum.GetNames<T>()), fallback),
    };

    /// <summary>An absolute http or https address, as written.</summary>
    public string Address(string key, string fallback) => Text(key) switch
    {
        null => fallback,
        var text when Uri.TryCreate(text, UriKind.Absolute, out var value) && value.Scheme is "http" or "https" => text,
        var text => Wrong(key, text, "an absolute http or https address, such as https://wg.example.org", fallback),
    };

    /// <summary>IP addresses: a list (Key:0, Key:1, ..., a JSON array) or one value with commas ("10.0.0.5,10.0.0.6").</summary>
    public IReadOnlyList<IPAddress> IpAddresses(string key)
    {
        var items = Text(key) is { } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(value => (key, value))
            : configuration.GetSection(key).GetChildren().Select(item => ($"{key}:{item.Key}", item.Value ?? ""));
        var addresses = new List<IPAddress>();
        foreach (var (name, value) in items)
        {
            if (IPAddress.TryParse(value, out var address)) addresses.Add(address);
            else Wrong(name, value, "an IP address, such as 10.0.0.5", 0);
        }
        return addresses;
    }

    private T Wrong<T>(string key, string text, string expected, T fallback)
    {
        _problems.Add($"{key} is \"{text}\"; it must be {expected}.");
        return fallback;
    }

    private static string OneOf(string[] names) => names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];

    private static string Written(TimeSpan span) => span.ToString(span.Days > 0 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture);
}

/// <summary>Settings the app cannot run with; the message has one line per bad setting.</summary>
internal sealed class SettingsException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
