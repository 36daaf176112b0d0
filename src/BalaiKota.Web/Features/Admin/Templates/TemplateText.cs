using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Templates;
using BalaiKota.Web.Localization;
using BalaiKota.Web.Resources;
using Microsoft.Extensions.Localization;

namespace BalaiKota.Web.Features.Admin.Templates;

/// <summary>How the template pages word an item's fields, its band and a template's problems, in the user's language.</summary>
public static class TemplateText
{
    public static string Label(ChecklistItemDefinition d) => English ? d.LabelEn : d.LabelId;

    public static string Name(CategoryName c) => English ? c.NameEn : c.NameId;

    public static string Name(CategoryView c) => English ? c.NameEn : c.NameId;

    public static string Status(TemplateStatus status, IStringLocalizer<SharedResource> l) => l[$"Admin_Templates_Status_{status}"];

    public static string When(DateTime? utc) => utc is { } at ? Wib.ToWib(at).ToString("d MMM yyyy HH.mm", CultureInfo.CurrentCulture) : "–";

    public static string Field(ItemField field, IStringLocalizer<SharedResource> l) => l[$"Admin_Templates_Field_{field}"];

    /// <summary>A problem or refusal of the domain in the user's language.</summary>
    public static string Problem(string code, string message, IStringLocalizer<SharedResource> l) => ErrorText.For(new DomainException(code, message), l);

    /// <summary>The band as the inspectors' pages read it: "23–26 °C", "≥ 100 lx", the headcount rule, or a rating's pass mark.</summary>
    public static string Band(ChecklistItemDefinition d, IStringLocalizer<SharedResource> l) => d.AnswerType switch
    {
        AnswerType.PassFail => l["Admin_Templates_Band_PassFail"],
        AnswerType.Rating => $"≥ {d.RatingPassMin} ({d.RatingMin}–{d.RatingMax})",
        _ when d.MinimumFromHeadcount => l["Admin_Templates_Band_Headcount"],
        _ => $"{Range(d.BandMin, d.BandMax)} {ChecklistItem.UnitSymbol(d.Unit)}".TrimEnd(),
    };

    /// <summary>One field of an item as the diff shows its value before and after.</summary>
    public static string Value(ItemField field, ChecklistItemDefinition d, IStringLocalizer<SharedResource> l) => field switch
    {
        ItemField.Code => d.Code,
        ItemField.LabelId => d.LabelId,
        ItemField.LabelEn => d.LabelEn,
        ItemField.AnswerType => l[$"Admin_Templates_AnswerType_{d.AnswerType}"],
        ItemField.NotApplicable => d.AllowNotApplicable ? l["Admin_Templates_Yes"] : l["Admin_Templates_No"],
        ItemField.RatingScale => d.RatingMin is null ? "–" : $"{d.RatingMin}–{d.RatingMax}, ≥ {d.RatingPassMin}",
        ItemField.Unit => d.Unit is null ? "–" : ChecklistItem.UnitSymbol(d.Unit),
        ItemField.Band => Band(d, l),
        ItemField.Plausibility => $"{Range(d.PlausibleMin, d.PlausibleMax)} {ChecklistItem.UnitSymbol(d.Unit)}".TrimEnd(),
        ItemField.RoomTypes => RoomTypes(d.RoomTypes, l),
        ItemField.Weight => d.Weight.ToString(CultureInfo.CurrentCulture),
        ItemField.Severity => l[$"Severity_{d.DefaultSeverity}"],
        ItemField.Guidance => string.IsNullOrWhiteSpace(d.Guidance) ? "–" : d.Guidance,
        ItemField.Source => string.IsNullOrWhiteSpace(d.SourceNote) ? d.SourceCode : $"{d.SourceCode} — {d.SourceNote}",
        _ => string.Empty,
    };

    public static string RoomTypes(IReadOnlyList<RoomType> types, IStringLocalizer<SharedResource> l) =>
        types.Count == 0 ? l["Admin_Templates_AllRooms"] : string.Join(", ", types.Select(t => l[$"RoomType_{t}"].Value));

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string Range(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } lo, { } hi) => $"{lo.ToString("0.##", CultureInfo.CurrentCulture)}–{hi.ToString("0.##", CultureInfo.CurrentCulture)}",
        ({ } lo, null) => $"≥ {lo.ToString("0.##", CultureInfo.CurrentCulture)}",
        (null, { } hi) => $"≤ {hi.ToString("0.##", CultureInfo.CurrentCulture)}",
        _ => "–",
    };
}
