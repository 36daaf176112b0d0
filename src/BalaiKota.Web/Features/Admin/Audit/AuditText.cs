using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BalaiKota.Web.Features.Admin.Audit;

/// <summary>The log's raw values as a reader wants them: a type's name in words, instants in WIB, yes and no.</summary>
public static class AuditText
{
    /// <summary>The resource "Admin_Audit_Type_{name}" (a generic type without its arity mark), else the type's own name.</summary>
    public static string TypeName(string entityType, IStringLocalizer<SharedResource> l)
    {
        var name = entityType.Split('`')[0];
        var text = l[$"Admin_Audit_Type_{name}"];
        return text.ResourceNotFound ? name : text.Value;
    }

    public static string Value(string? value, IStringLocalizer<SharedResource> l) => value switch
    {
        null => "–",
        "true" => l["Admin_Audit_Yes"],
        "false" => l["Admin_Audit_No"],

        // The interceptor writes instants in ISO 8601, in UTC.
        _ when value.Length >= 19 && value[10] == 'T' && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant)
            => Wib.ToWib(instant).ToString("d MMM yyyy HH.mm.ss", CultureInfo.CurrentCulture) + " WIB",
        _ => value,
    };
}
