using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace BalaiKota.Reporting;

/// <summary>
/// DejaVu Sans, loaded once from the assembly. The NoDependencies native Skia finds fonts only by scanning the
/// machine's font folders, so every typeface the reports use is handed over explicitly — to Skia and to ScottPlot.
/// </summary>
public static class ReportFonts
{
    /// <summary>The family name charts ask ScottPlot for; resolved to the embedded typefaces.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lazy<bool> ScottPlotRegistration = new(RegisterWithScottPlot);

    public static SKTypeface Regular { get; } = Load("BalaiKota.Reporting.Fonts.DejaVuSans.ttf");

    public static SKTypeface Bold { get; } = Load("BalaiKota.Reporting.Fonts.DejaVuSans-Bold.ttf");

    /// <summary>Makes ScottPlot draw every label with the embedded font; safe to call from any thread, any number of times.</summary>
    public static void EnsureScottPlotUsesEmbeddedFont() => _ = ScottPlotRegistration.Value;

    private static SKTypeface Load(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font {resource} is not embedded in {typeof(ReportFonts).Assembly.GetName().Name}.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"Skia could not read the font {resource}.");
    }

    private static bool RegisterWithScottPlot()
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
        Fonts.Default = FamilyName;
        return true;
    }

    /// <summary>Answers every family name with DejaVu Sans, so that no ScottPlot label falls back to a system font that may not exist.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => bold ? Bold : Regular;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
            weight >= FontWeight.SemiBold ? Bold : Regular;
    }
}
