using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WorkingGroups.Benchmarks;

/// <summary>One measured figure: the median of its repetitions (or a single reading where said).</summary>
public sealed record Result(string Scenario, string Metric, double Value, string Unit, string Note = "");

/// <summary>A target from issue 9 and whether this run met it.</summary>
public sealed record Check(string Target, double Value, bool Met);

/// <summary>The run's figures: printed as one table and written as JSON and Markdown.</summary>
public sealed class Results
{
    public List<Result> Rows { get; } = [];
    public List<Check> Checks { get; } = [];

    public void Add(string scenario, string metric, double value, string unit, string note = "")
    {
        Rows.Add(new Result(scenario, metric, value, unit, note));
        Console.WriteLine($"  {scenario,-14} {metric,-44} {Format(value),12} {unit} {note}");
    }

    public double? Find(string scenario, string metric) => Rows.FirstOrDefault(r => r.Scenario == scenario && r.Metric == metric)?.Value;

    public void Target(string target, double? value, Func<double, bool> met)
    {
        if (value is { } v && !double.IsNaN(v)) Checks.Add(new Check(target, v, met(v)));
    }

    public string Markdown(DateTime at, bool quick)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Benchmarks, {at:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores{(quick ? ", --quick" : "")}");
        text.AppendLine();
        text.AppendLine("| scenario | metric | value | unit | note |");
        text.AppendLine("|---|---|---:|---|---|");
        foreach (var r in Rows) text.AppendLine($"| {r.Scenario} | {r.Metric} | {Format(r.Value)} | {r.Unit} | {r.Note} |");
        text.AppendLine();
        text.AppendLine("| target (issue 9) | this run | met |");
        text.AppendLine("|---|---:|---|");
        foreach (var c in Checks) text.AppendLine($"| {c.Target} | {Format(c.Value)} | {(c.Met ? "yes" : "**MISSED**")} |");
        return text.ToString();
    }

    public string Json(DateTime at, bool quick) => JsonSerializer.Serialize(
        new { at, quick, cores = Environment.ProcessorCount, results = Rows, targets = Checks },
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true });

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString(Math.Abs(value) >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);
}
