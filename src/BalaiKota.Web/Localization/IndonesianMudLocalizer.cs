using System.Globalization;
using BalaiKota.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace BalaiKota.Web.Localization;

/// <summary>Gives MudBlazor's own controls Indonesian texts; English falls back to MudBlazor's defaults.</summary>
internal sealed class IndonesianMudLocalizer(IStringLocalizer<MudBlazorStrings> strings) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            if (!AppCultures.IsIndonesian(CultureInfo.CurrentUICulture))
            {
                return base[key];
            }

            var text = strings[key];
            return text.ResourceNotFound ? base[key] : text;
        }
    }
}
