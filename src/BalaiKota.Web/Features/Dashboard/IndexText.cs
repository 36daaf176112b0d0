using System.Globalization;

namespace BalaiKota.Web.Features.Dashboard;

/// <summary>A comfort index as the dashboard shows it: "81%", or "–" when there is none (no visits is not 100 %).</summary>
public static class IndexText
{
    public static string Of(double? index) => index is { } value ? value.ToString("P0", CultureInfo.CurrentCulture) : "–";
}
