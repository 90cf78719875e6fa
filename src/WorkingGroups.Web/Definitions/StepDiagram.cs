using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using WorkingGroups.Core.Definitions;

namespace WorkingGroups.Web.Definitions;

/// <summary>
/// Where each step of a definition is drawn: a column per depth (the longest chain of prerequisites before it), the
/// steps of a column stacked. Edges run from a step to each step that waits for it. Rendered as SVG on the server.
/// </summary>
internal sealed class StepDiagram
{
    public const int NodeWidth = 210, NodeHeight = 64, ColumnGap = 50, RowGap = 18, Margin = 8;

    public sealed record Node(StepDefinition Step, int X, int Y);
    public sealed record Edge(Node From, Node To)
    {
        public string Path
        {
            get
            {
                int x1 = From.X + NodeWidth, y1 = From.Y + NodeHeight / 2, x2 = To.X, y2 = To.Y + NodeHeight / 2, mid = (x1 + x2) / 2;
                return $"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2 - 6},{y2}";
            }
        }
    }

    public IReadOnlyList<Node> Nodes { get; }
    public IReadOnlyList<Edge> Edges { get; }
    public int Width { get; }
    public int Height { get; }

    public StepDiagram(ProcessDefinition definition)
    {
        var depth = new Dictionary<string, int>();
        int Depth(StepDefinition s) => depth.TryGetValue(s.Id, out var d) ? d
            : depth[s.Id] = s.After.Count == 0 ? 0 : s.After.Max(a => Depth(definition.FindStep(a)!)) + 1;

        var columns = definition.Steps.GroupBy(Depth).OrderBy(g => g.Key).ToList();
        var nodes = new Dictionary<string, Node>();
        foreach (var column in columns)
        {
            var row = 0;
            foreach (var step in column)
                nodes[step.Id] = new Node(step, Margin + column.Key * (NodeWidth + ColumnGap), Margin + row++ * (NodeHeight + RowGap));
        }
        Nodes = definition.Steps.Select(s => nodes[s.Id]).ToList();
        Edges = definition.Steps.SelectMany(s => s.After.Select(a => new Edge(nodes[a], nodes[s.Id]))).ToList();
        Width = 2 * Margin + columns.Count * NodeWidth + (columns.Count - 1) * ColumnGap;
        Height = 2 * Margin + columns.Max(c => c.Count()) * (NodeHeight + RowGap) - RowGap;
    }

    /// <summary>An SVG text element (Razor reserves the &lt;text&gt; tag), with the text encoded.</summary>
    public static IHtmlContent Text(int x, int y, string text, string? cssClass = null) =>
        new HtmlString($"<text x=\"{x}\" y=\"{y}\"{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{HtmlEncoder.Default.Encode(text)}</text>");

    /// <summary>Splits a title into at most two lines that fit a box, cutting at a word.</summary>
    public static IReadOnlyList<string> Lines(string title, int perLine = 30)
    {
        if (title.Length <= perLine) return [title];
        var cut = title.LastIndexOf(' ', perLine);
        if (cut <= 0) cut = perLine;
        var rest = title[cut..].Trim();
        return [title[..cut].Trim(), rest.Length <= perLine ? rest : rest[..(perLine - 1)] + "…"];
    }
}
