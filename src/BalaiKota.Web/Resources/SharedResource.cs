namespace BalaiKota.Web.Resources;

/// <summary>Marker for the app's texts: SharedResource.resx is Indonesian (the default), .en.resx English.</summary>
public sealed class SharedResource;
