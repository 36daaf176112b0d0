using System.Globalization;
using BalaiKota.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BalaiKota.Web.Features.Dashboard;

/// <summary>Which way a figure should move: more findings is worse, a higher comfort index is better, more visits is neither.</summary>
public enum BetterWhen
{
    Higher,
    Lower,
    Neither,
}

/// <summary>A figure against the previous period, in words, coloured by whether the change is good news.</summary>
public sealed record FigureChange(string Text, Color Color)
{
    /// <param name="before">Null when the previous period has nothing to compare with (no visits, nothing verified).</param>
    /// <param name="amount">The size of a change as shown, with its unit ("3", "12 poin", "2,5 hari").</param>
    /// <param name="negligible">A change smaller than this reads as no change.</param>
    public static FigureChange Of(
        double? now, double? before, BetterWhen better, Func<double, string> amount, string previous, IStringLocalizer<SharedResource> l, double negligible = 0.5)
    {
        if (now is not { } current || before is not { } earlier)
        {
            return new FigureChange(l["Dashboard_Change_None"], Color.Default);
        }

        var difference = current - earlier;
        if (Math.Abs(difference) < negligible)
        {
            return new FigureChange(string.Format(CultureInfo.CurrentCulture, l["Dashboard_Change_Same"], previous), Color.Default);
        }

        var up = difference > 0;
        var color = better == BetterWhen.Neither ? Color.Default : up == (better == BetterWhen.Higher) ? Color.Success : Color.Error;
        var text = string.Format(CultureInfo.CurrentCulture, l[up ? "Dashboard_Change_Up" : "Dashboard_Change_Down"], amount(Math.Abs(difference)), previous);
        return new FigureChange(text, color);
    }
}
