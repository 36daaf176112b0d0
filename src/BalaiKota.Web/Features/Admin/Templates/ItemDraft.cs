using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Features.Admin.Templates;

/// <summary>The item editor's fields while they are typed; becomes a <see cref="ChecklistItemDefinition"/> to check and save.</summary>
public sealed class ItemDraft
{
    public string Code { get; set; } = string.Empty;

    public string LabelId { get; set; } = string.Empty;

    public string LabelEn { get; set; } = string.Empty;

    public AnswerType AnswerType { get; set; } = AnswerType.PassFail;

    public bool AllowNotApplicable { get; set; }

    public int? RatingMin { get; set; }

    public int? RatingMax { get; set; }

    public int? RatingPassMin { get; set; }

    public MeasurementUnit? Unit { get; set; }

    public decimal? BandMin { get; set; }

    public decimal? BandMax { get; set; }

    public decimal? PlausibleMin { get; set; }

    public decimal? PlausibleMax { get; set; }

    public bool MinimumFromHeadcount { get; set; }

    public IReadOnlyCollection<RoomType> RoomTypes { get; set; } = [];

    public int Weight { get; set; } = 1;

    public Severity DefaultSeverity { get; set; } = Severity.Medium;

    public string? Guidance { get; set; }

    public string SourceCode { get; set; } = string.Empty;

    public string? SourceNote { get; set; }

    public static ItemDraft From(ChecklistItemDefinition d) => new()
    {
        Code = d.Code,
        LabelId = d.LabelId,
        LabelEn = d.LabelEn,
        AnswerType = d.AnswerType,
        AllowNotApplicable = d.AllowNotApplicable,
        RatingMin = d.RatingMin,
        RatingMax = d.RatingMax,
        RatingPassMin = d.RatingPassMin,
        Unit = d.Unit,
        BandMin = d.BandMin,
        BandMax = d.BandMax,
        PlausibleMin = d.PlausibleMin,
        PlausibleMax = d.PlausibleMax,
        MinimumFromHeadcount = d.MinimumFromHeadcount,
        RoomTypes = [.. d.RoomTypes],
        Weight = d.Weight,
        DefaultSeverity = d.DefaultSeverity,
        Guidance = d.Guidance,
        SourceCode = d.SourceCode,
        SourceNote = d.SourceNote,
    };

    /// <summary>
    /// The definition as it would be saved. Fields of another answer type are left out, so switching a measurement to
    /// OK / not OK does not carry a band the new type refuses.
    /// </summary>
    public ChecklistItemDefinition ToDefinition()
    {
        var measured = AnswerType == AnswerType.Measurement;
        var rated = AnswerType == AnswerType.Rating;
        return new ChecklistItemDefinition
        {
            Code = Code,
            LabelId = LabelId,
            LabelEn = LabelEn,
            AnswerType = AnswerType,
            AllowNotApplicable = AllowNotApplicable,
            RatingMin = rated ? RatingMin : null,
            RatingMax = rated ? RatingMax : null,
            RatingPassMin = rated ? RatingPassMin : null,
            Unit = measured ? Unit : null,
            BandMin = measured ? BandMin : null,
            BandMax = measured ? BandMax : null,
            PlausibleMin = measured ? PlausibleMin : null,
            PlausibleMax = measured ? PlausibleMax : null,
            MinimumFromHeadcount = measured && MinimumFromHeadcount,
            RoomTypes = [.. RoomTypes],
            Weight = Weight,
            DefaultSeverity = DefaultSeverity,
            Guidance = Guidance,
            SourceCode = SourceCode,
            SourceNote = SourceNote,
        };
    }
}

/// <summary>What the item editor sends: the item's definition and the category it belongs in.</summary>
public sealed record ItemEdit(ChecklistItemDefinition Definition, Guid CategoryId);
