using MudBlazor;

namespace BalaiKota.Web.Components.Layout;

/// <summary>Colours with enough contrast for a tablet in a bright office; system fonts, nothing fetched from outside.</summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f8a",
            Secondary = "#8a3b0b",
            AppbarBackground = "#0b4f8a",
            Info = "#0b5cad",
            Warning = "#8a5a00",
            Error = "#b3261e",
            Success = "#1b6e3a",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "sans-serif"] },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "240px" },
    };
}
