using System.Globalization;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BalaiKota.Web.Features.Admin.Registry;

/// <summary>What a registry action did, said in the user's language.</summary>
public static class RegistryText
{
    public static string Removed(RemoveResult result, IStringLocalizer<SharedResource> l)
    {
        if (result.Outcome == RemoveOutcome.Deleted)
        {
            return l["Admin_Registry_Deleted"];
        }

        var r = result.References;
        var why = new[]
        {
            (r.Visits, "Admin_Registry_RefVisits"),
            (r.Inspections, "Admin_Registry_RefInspections"),
            (r.Findings, "Admin_Registry_RefFindings"),
            (r.Rooms, "Admin_Registry_RefRooms"),
            (r.Units, "Admin_Registry_RefUnits"),
        }
            .Where(x => x.Item1 > 0)
            .Select(x => string.Format(CultureInfo.CurrentCulture, l[x.Item2], x.Item1));
        return string.Format(CultureInfo.CurrentCulture, l["Admin_Registry_DeactivatedInstead"], string.Join(", ", why)) + RoomsOff(result.RoomsDeactivated, l);
    }

    public static string Switched(ActiveResult result, IStringLocalizer<SharedResource> l) =>
        (result.IsActive ? l["Admin_Registry_Activated"] : l["Admin_Registry_Deactivated"]) + RoomsOff(result.RoomsDeactivated, l);

    /// <summary>The error of an import line in the user's language: "Domain_{code}" when there is one, else the Indonesian default.</summary>
    public static string Of(ImportError error, IStringLocalizer<SharedResource> l)
    {
        var text = l[$"Domain_{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    private static string RoomsOff(int rooms, IStringLocalizer<SharedResource> l) =>
        rooms > 0 ? " " + string.Format(CultureInfo.CurrentCulture, l["Admin_Registry_RoomsOff"], rooms) : string.Empty;
}
