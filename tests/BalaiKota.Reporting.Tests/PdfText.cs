using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace BalaiKota.Reporting.Tests;

/// <summary>Reads a PDF back with PdfPig, an independent reader: what a person copying text out of the file would get.</summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(PageText)];
    }

    public static string All(byte[] pdf) => string.Join("\n", Pages(pdf));

    /// <summary>The page's words joined by single spaces, so phrases can be searched whatever the glyph spacing.</summary>
    public static string PageText(Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    public static int Count(string text, string phrase)
    {
        var count = 0;
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
