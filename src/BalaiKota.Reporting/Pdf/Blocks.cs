using ScottPlot;
using SkiaSharp;

namespace BalaiKota.Reporting.Pdf;

/// <summary>Something in the flow of a report that places itself on the pages of a layout.</summary>
internal interface IBlock
{
    void Layout(LayoutContext context);
}

public enum TextAlignment
{
    Left,
    Center,
    Right,
}

internal sealed class HeadingBlock(string text, int level) : IBlock
{
    /// <summary>Room for a few lines after a heading, so that it never sits alone at the bottom of a page.</summary>
    private const float KeepWithNext = 48f;

    public void Layout(LayoutContext context)
    {
        var style = context.Styles.Headings[Math.Clamp(level, 1, 3) - 1];
        context.Space(style.Font.Size * (level == 1 ? 1.1f : 0.9f));
        var lines = TextWrapper.Wrap(text, style, context.Width);
        context.EnsureRoom((lines.Count * style.LineHeight) + KeepWithNext);
        foreach (var line in lines)
        {
            context.Text(line, context.Left, context.Y, style);
            context.Y += style.LineHeight;
        }

        if (level == 1)
        {
            context.Ops.Add(new LineOp(context.Left, context.Y + 1, context.Right, context.Y + 1, context.Styles.StrongRule));
            context.Y += 4;
        }

        context.Y += 4;
    }
}

/// <summary>Wrapped text; a paragraph longer than the rest of the page continues on the next one, line by line.</summary>
internal sealed class ParagraphBlock(string text, TextKind kind, TextAlignment alignment) : IBlock
{
    public void Layout(LayoutContext context)
    {
        var style = context.Styles.Of(kind);
        foreach (var line in TextWrapper.Wrap(text, style, context.Width))
        {
            if (style.LineHeight > context.Remaining)
            {
                context.NewPage();
            }

            var x = alignment switch
            {
                TextAlignment.Center => context.Left + ((context.Width - style.Measure(line)) / 2),
                TextAlignment.Right => context.Right - style.Measure(line),
                _ => context.Left,
            };
            context.Text(line, x, context.Y, style);
            context.Y += style.LineHeight;
        }

        context.Y += style.LineHeight * 0.4f;
    }
}

internal sealed class SpacerBlock(float height) : IBlock
{
    public void Layout(LayoutContext context) => context.Y = Math.Min(context.Y + height, context.Bottom);
}

/// <summary>A blank band with a line at its bottom: the place a signature goes when there is none.</summary>
internal sealed class RuleBlock(float height, float widthShare) : IBlock
{
    public void Layout(LayoutContext context)
    {
        context.EnsureRoom(height);
        context.Y += height;
        context.Ops.Add(new LineOp(context.Left, context.Y, context.Left + (context.Width * widthShare), context.Y, context.Styles.Rule));
        context.Y += 4;
    }
}

internal sealed class PageBreakBlock(PageOrientation? orientation) : IBlock
{
    public void Layout(LayoutContext context) => context.NewPage(orientation);
}

/// <summary>An image scaled to the width available (never taller than <paramref name="maxHeight"/> or a page), with its caption.</summary>
internal sealed class ImageBlock(SKImage image, string? caption, float? maxHeight) : IBlock
{
    private const float CaptionGap = 3f;

    public void Layout(LayoutContext context)
    {
        var style = context.Styles.Muted;
        var captionLines = caption is null ? [] : TextWrapper.Wrap(caption, style, context.Width);
        var captionHeight = caption is null ? 0 : CaptionGap + (captionLines.Count * style.LineHeight);
        var limit = Math.Min(maxHeight ?? float.MaxValue, context.PageContentHeight - captionHeight);
        var scale = Math.Min(context.Width / image.Width, limit / image.Height);
        var (width, height) = (image.Width * scale, image.Height * scale);
        context.EnsureRoom(height + captionHeight);
        context.Ops.Add(new ImageOp(image, SKRect.Create(context.Left, context.Y, width, height)));
        context.Y += height + CaptionGap;
        foreach (var line in captionLines)
        {
            context.Text(line, context.Left, context.Y, style);
            context.Y += style.LineHeight;
        }

        context.Y += 4;
    }
}

/// <summary>Photos in <paramref name="columns"/> equal cells per row, each fitted into a 4:3 box with its caption; a row never splits.</summary>
internal sealed class PhotoGridBlock(IReadOnlyList<(SKImage Image, string Caption)> photos, int columns) : IBlock
{
    private const float Gap = 10f;

    public void Layout(LayoutContext context)
    {
        var style = context.Styles.Muted;
        var cellWidth = (context.Width - (Gap * (columns - 1))) / columns;
        var boxHeight = Math.Min(cellWidth * 0.75f, context.PageContentHeight * 0.6f);
        foreach (var row in photos.Chunk(columns))
        {
            var captions = row.Select(p => TextWrapper.Wrap(p.Caption, style, cellWidth)).ToList();
            var rowHeight = boxHeight + 3 + (captions.Max(c => c.Count) * style.LineHeight);
            context.EnsureRoom(rowHeight);
            for (var i = 0; i < row.Length; i++)
            {
                var left = context.Left + (i * (cellWidth + Gap));
                var image = row[i].Image;
                var scale = Math.Min(cellWidth / image.Width, boxHeight / image.Height);
                var (width, height) = (image.Width * scale, image.Height * scale);
                context.Ops.Add(new ImageOp(image, SKRect.Create(left + ((cellWidth - width) / 2), context.Y + (boxHeight - height), width, height)));
                var y = context.Y + boxHeight + 3;
                foreach (var line in captions[i])
                {
                    context.Text(line, left, y, style);
                    y += style.LineHeight;
                }
            }

            context.Y += rowHeight + Gap;
        }
    }
}

internal sealed class ChartBlock(Action<Plot> chart, float height) : IBlock
{
    public void Layout(LayoutContext context)
    {
        var fitted = Math.Min(height, context.PageContentHeight);
        context.EnsureRoom(fitted);
        context.Ops.Add(new ChartOp(chart, SKRect.Create(context.Left, context.Y, context.Width, fitted)));
        context.Y += fitted + 8;
    }
}

/// <summary>Moved whole to the next page when it does not fit in the rest of this one, unless it is taller than a page.</summary>
internal sealed class KeepTogetherBlock(IReadOnlyList<IBlock> blocks) : IBlock
{
    public void Layout(LayoutContext context)
    {
        var trial = context.Trial();
        foreach (var block in blocks)
        {
            block.Layout(trial);
        }

        if (trial.PageBreaks == 0)
        {
            context.Ops.AddRange(trial.Ops);
            context.Y = trial.Y;
            return;
        }

        if (!context.AtPageTop)
        {
            context.NewPage();
        }

        foreach (var block in blocks)
        {
            block.Layout(context);
        }
    }
}

/// <summary>
/// Columns side by side (signatures, a before/after pair), laid out unbounded and placed as one piece; a piece taller
/// than a page is stacked column after column in the normal flow instead, so nothing is clipped.
/// </summary>
internal sealed class ColumnsBlock(IReadOnlyList<IReadOnlyList<IBlock>> columns) : IBlock
{
    private const float Gap = 18f;

    public void Layout(LayoutContext context)
    {
        var width = (context.Width - (Gap * (columns.Count - 1))) / columns.Count;
        var laidOut = columns.Select((blocks, i) =>
        {
            var column = context.Column(context.Left + (i * (width + Gap)), width);
            foreach (var block in blocks)
            {
                block.Layout(column);
            }

            return column;
        }).ToList();
        var height = laidOut.Max(c => c.Y);
        if (height > context.PageContentHeight)
        {
            foreach (var block in columns.SelectMany(c => c))
            {
                block.Layout(context);
            }

            return;
        }

        context.EnsureRoom(height);
        foreach (var column in laidOut)
        {
            context.Ops.Add(new GroupOp(0, context.Y, [.. column.Ops]));
        }

        context.Y += height;
    }
}
