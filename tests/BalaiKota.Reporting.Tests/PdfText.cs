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

    public static List<string> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)];
    }

    /// <summary>
    /// Whether the phrase's words appear in order close together: text wrapped in a table cell is read back with the
    /// words of the neighbouring cells on the same lines in between.
    /// </summary>
    public static bool ContainsWrapped(IReadOnlyList<string> words, string phrase)
    {
        var wanted = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var window = wanted.Length * 5;
        for (var start = 0; start < words.Count; start++)
        {
            if (words[start] != wanted[0])
            {
                continue;
            }

            var found = 1;
            for (var i = start + 1; i < words.Count && i < start + window && found < wanted.Length; i++)
            {
                if (words[i] == wanted[found])
                {
                    found++;
                }
            }

            if (found == wanted.Length)
            {
                return true;
            }
        }

        return false;
    }

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
