using ScottPlot;

namespace BalaiKota.Reporting.Documents;

/// <summary>The few chart shapes the reports use, in the documents' dark blue, labelled, with no decoration.</summary>
internal static class ReportCharts
{
    private static readonly Color Bar = Color.FromHex("#1F3A5F");
    private static readonly Color Line = Color.FromHex("#2E6DA4");
    private static readonly Color Grid = Color.FromHex("#DDE3EA");

    /// <summary>One bar per label with its value printed on it; horizontal (labels on the left) when there are many labels.</summary>
    public static Action<Plot> Bars(string title, IReadOnlyList<(string Label, double Value)> data, bool horizontal, Func<double, string> format) => plot =>
    {
        var bars = data.Select((d, i) => new Bar
        {
            // Horizontal bars list the first label at the top, as a reader expects of a ranking.
            Position = horizontal ? data.Count - 1 - i : i,
            Value = d.Value,
            FillColor = Bar,
            LineWidth = 0,
            Label = format(d.Value),
        }).ToList();
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = horizontal;
        plottable.ValueLabelStyle.FontSize = 9;
        double[] positions = [.. bars.Select(b => b.Position)];
        string[] labels = [.. data.Select(d => d.Label)];
        if (horizontal)
        {
            plot.Axes.Left.SetTicks(positions, labels);
            plot.Axes.Margins(left: 0, right: 0.12);
        }
        else
        {
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.Axes.Margins(bottom: 0, top: 0.15);
        }

        Style(plot, title);
    };

    /// <summary>A line with a marker per month; months without a value are left out rather than drawn as zero.</summary>
    public static Action<Plot> Trend(string title, IReadOnlyList<(string Label, double? Value)> data, double? max) => plot =>
    {
        var points = data.Select((d, i) => (X: (double)i, d.Value)).Where(p => p.Value is not null).ToList();
        var scatter = plot.Add.Scatter(points.Select(p => p.X).ToArray(), points.Select(p => p.Value!.Value).ToArray());
        scatter.Color = Line;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 6;
        plot.Axes.Bottom.SetTicks([.. data.Select((_, i) => (double)i)], [.. data.Select(d => d.Label)]);
        if (max is { } top)
        {
            plot.Axes.SetLimitsY(0, top);
        }

        plot.Axes.SetLimitsX(-0.5, data.Count - 0.5);
        Style(plot, title);
    };

    private static void Style(Plot plot, string title)
    {
        plot.Title(title, 11);
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Bar;
        plot.Grid.MajorLineColor = Grid;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = 9;
            axis.FrameLineStyle.Color = Color.FromHex("#9AA5B1");
        }
    }
}
