namespace BalaiKota.Reporting.Pdf;

/// <param name="Width">Relative to the other columns' widths.</param>
public sealed record TableColumn(string Header, float Width, TextAlignment Alignment = TextAlignment.Left);

/// <summary>A table cell: its text and, under it in small grey type, an optional note.</summary>
public sealed record TableCell(string Text, string? Note = null, bool Strong = false)
{
    public static implicit operator TableCell(string text) => new(text);

    public static TableCell FromString(string text) => new(text);
}

/// <summary>
/// A table whose header row repeats at the top of every page it spans. A row that does not fit in the rest of a page
/// moves to the next; a row taller than a whole page is split between lines, its cells continuing on the next page.
/// Also the engine of key–value blocks (no header, no rules, the key in bold).
/// </summary>
internal sealed class TableBlock(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<TableCell>> rows, bool showHeader, bool ruled) : IBlock
{
    private const float PadX = 4f;
    private const float PadY = 3f;

    private sealed record Line(string Text, TextStyle Style, float X);

    public void Layout(LayoutContext context)
    {
        var edges = ColumnEdges(context);
        var header = showHeader
            ? Wrap(columns.Select(c => new TableCell(c.Header)).ToList(), edges, context.Styles.SmallStrong, context.Styles.SmallStrong, context)
            : null;
        var headerHeight = header is null ? 0 : RowHeight(header);
        var body = ruled ? context.Styles.Small : context.Styles.Body;
        var key = ruled ? context.Styles.Small : context.Styles.Strong;

        // The header needs company: never alone at the foot of a page.
        context.EnsureRoom(headerHeight + (2 * PadY) + (2 * body.LineHeight));
        DrawHeader(context, header, headerHeight);
        foreach (var row in rows)
        {
            var cells = Wrap(row, edges, body, key, context);
            PlaceRow(context, cells, header, headerHeight);
        }

        context.Y += ruled ? 10 : 4;
    }

    private void PlaceRow(LayoutContext context, List<List<Line>> cells, List<List<Line>>? header, float headerHeight)
    {
        var height = RowHeight(cells);
        if (height > context.Remaining && !RowIsFirstOnPage(context, headerHeight) && height <= context.PageContentHeight - headerHeight)
        {
            NewPage(context, header, headerHeight);
        }

        var next = new int[cells.Count];
        while (true)
        {
            var taken = DrawFragment(context, cells, next);
            if (next.Select((n, i) => n >= cells[i].Count).All(done => done))
            {
                return;
            }

            if (taken == 0 && RowIsFirstOnPage(context, headerHeight))
            {
                throw new InvalidOperationException("A table line is taller than a page.");
            }

            NewPage(context, header, headerHeight);
        }
    }

    /// <summary>Draws as many of each cell's remaining lines as fit below the cursor; returns how many lines it placed.</summary>
    private int DrawFragment(LayoutContext context, List<List<Line>> cells, int[] next)
    {
        var top = context.Y;
        var available = context.Remaining - (2 * PadY);
        var bottom = top;
        var taken = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            var y = top + PadY;
            while (next[i] < cells[i].Count && y + cells[i][next[i]].Style.LineHeight - (top + PadY) <= available)
            {
                var line = cells[i][next[i]];
                context.Text(line.Text, line.X, y, line.Style);
                y += line.Style.LineHeight;
                next[i]++;
                taken++;
            }

            bottom = Math.Max(bottom, y);
        }

        context.Y = bottom + PadY;
        if (ruled)
        {
            context.Ops.Add(new LineOp(context.Left, context.Y, context.Right, context.Y, context.Styles.Rule));
        }

        return taken;
    }

    private static bool RowIsFirstOnPage(LayoutContext context, float headerHeight) => context.Y <= context.Top + headerHeight + 0.01f;

    private static void NewPage(LayoutContext context, List<List<Line>>? header, float headerHeight)
    {
        context.NewPage();
        DrawHeader(context, header, headerHeight);
    }

    private static void DrawHeader(LayoutContext context, List<List<Line>>? header, float headerHeight)
    {
        if (header is null)
        {
            return;
        }

        context.Ops.Add(new RectOp(new SkiaSharp.SKRect(context.Left, context.Y, context.Right, context.Y + headerHeight), context.Styles.Fill));
        var y = context.Y + PadY;
        foreach (var cell in header)
        {
            var lineTop = y;
            foreach (var line in cell)
            {
                context.Text(line.Text, line.X, lineTop, line.Style);
                lineTop += line.Style.LineHeight;
            }
        }

        context.Y += headerHeight;
        context.Ops.Add(new LineOp(context.Left, context.Y, context.Right, context.Y, context.Styles.StrongRule));
    }

    private float[] ColumnEdges(LayoutContext context)
    {
        var total = columns.Sum(c => c.Width);
        var edges = new float[columns.Count + 1];
        edges[0] = context.Left;
        for (var i = 0; i < columns.Count; i++)
        {
            edges[i + 1] = edges[i] + (context.Width * columns[i].Width / total);
        }

        return edges;
    }

    private List<List<Line>> Wrap(IReadOnlyList<TableCell> row, float[] edges, TextStyle body, TextStyle firstColumn, LayoutContext context)
    {
        if (row.Count != columns.Count)
        {
            throw new ArgumentException($"A row has {row.Count} cells; the table has {columns.Count} columns.", nameof(row));
        }

        var cells = new List<List<Line>>(row.Count);
        for (var i = 0; i < row.Count; i++)
        {
            var (left, right) = (edges[i] + PadX, edges[i + 1] - PadX);
            var style = row[i].Strong || (i == 0 && !showHeader) ? firstColumn : body;
            var lines = new List<Line>();
            Add(lines, row[i].Text, style, left, right, columns[i].Alignment);
            if (row[i].Note is { Length: > 0 } note)
            {
                Add(lines, note, context.Styles.Muted, left, right, TextAlignment.Left);
            }

            cells.Add(lines);
        }

        return cells;
    }

    private static void Add(List<Line> lines, string text, TextStyle style, float left, float right, TextAlignment alignment)
    {
        foreach (var line in TextWrapper.Wrap(text, style, right - left))
        {
            var x = alignment switch
            {
                TextAlignment.Right => right - style.Measure(line),
                TextAlignment.Center => left + ((right - left - style.Measure(line)) / 2),
                _ => left,
            };
            lines.Add(new Line(line, style, x));
        }
    }

    private static float RowHeight(List<List<Line>> cells) => (2 * PadY) + cells.Max(c => c.Sum(l => l.Style.LineHeight));
}
