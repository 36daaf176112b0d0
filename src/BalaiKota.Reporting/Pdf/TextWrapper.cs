namespace BalaiKota.Reporting.Pdf;

/// <summary>
/// Greedy word wrap: as many words on a line as fit; a word longer than the whole line is split between characters,
/// never clipped. Each word is measured once.
/// </summary>
internal static class TextWrapper
{
    public static List<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            WrapParagraph(paragraph, style, width, lines);
        }

        return lines;
    }

    private static void WrapParagraph(string paragraph, TextStyle style, float width, List<string> lines)
    {
        var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            lines.Add(string.Empty);
            return;
        }

        var space = style.Measure(" ");
        var line = new System.Text.StringBuilder();
        var lineWidth = 0f;
        foreach (var word in words)
        {
            var wordWidth = style.Measure(word);
            if (line.Length > 0 && lineWidth + space + wordWidth <= width)
            {
                line.Append(' ').Append(word);
                lineWidth += space + wordWidth;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            var rest = word;
            while (wordWidth > width)
            {
                var fits = Math.Max(1, (int)style.Font.BreakText(rest, width));
                lines.Add(rest[..fits]);
                rest = rest[fits..];
                wordWidth = style.Measure(rest);
            }

            line.Append(rest);
            lineWidth = wordWidth;
        }

        lines.Add(line.ToString());
    }
}
