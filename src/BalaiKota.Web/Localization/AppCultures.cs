using System.Globalization;

namespace BalaiKota.Web.Localization;

public static class AppCultures
{
    public const string Indonesian = "id-ID";
    public const string English = "en-US";

    public static IReadOnlyList<string> Supported { get; } = [Indonesian, English];

    public static bool IsIndonesian(CultureInfo culture) => culture.TwoLetterISOLanguageName == "id";

    public static string Other(CultureInfo current) => IsIndonesian(current) ? English : Indonesian;
}
