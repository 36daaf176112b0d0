namespace BalaiKota.Web.Resources;

/// <summary>Marker for the Indonesian texts of MudBlazor's own controls (MudBlazor ships English only).</summary>
public sealed class MudBlazorStrings;
