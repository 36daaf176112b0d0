using System.Globalization;

namespace BalaiKota.Core.Domain;

/// <summary>Everything an administrator sets on a checklist item; validated as a whole.</summary>
public sealed record ChecklistItemDefinition
{
    public required string Code { get; init; }

    public required string LabelId { get; init; }

    public required string LabelEn { get; init; }

    public required AnswerType AnswerType { get; init; }

    public bool AllowNotApplicable { get; init; }

    public int? RatingMin { get; init; }

    public int? RatingMax { get; init; }

    public int? RatingPassMin { get; init; }

    public MeasurementUnit? Unit { get; init; }

    public decimal? BandMin { get; init; }

    public decimal? BandMax { get; init; }

    public decimal? PlausibleMin { get; init; }

    public decimal? PlausibleMax { get; init; }

    /// <summary>The minimum is the closet count that <see cref="ToiletRatio"/> requires for the OPD's headcount.</summary>
    public bool MinimumFromHeadcount { get; init; }

    /// <summary>Room types the item applies to; empty means every room type.</summary>
    public IReadOnlyList<RoomType> RoomTypes { get; init; } = [];

    public int Weight { get; init; } = 1;

    public Severity DefaultSeverity { get; init; } = Severity.Medium;

    public string? Guidance { get; init; }

    public required string SourceCode { get; init; }

    public string? SourceNote { get; init; }

    /// <summary>The fields in which this definition differs from <paramref name="before"/>, in the order the editor shows them.</summary>
    public IReadOnlyList<ItemField> FieldsChangedFrom(ChecklistItemDefinition before)
    {
        var changed = new List<ItemField>();
        void Compare(ItemField field, bool same)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }

        Compare(ItemField.Code, Same(Code, before.Code));
        Compare(ItemField.LabelId, Same(LabelId, before.LabelId));
        Compare(ItemField.LabelEn, Same(LabelEn, before.LabelEn));
        Compare(ItemField.AnswerType, AnswerType == before.AnswerType);
        Compare(ItemField.NotApplicable, AllowNotApplicable == before.AllowNotApplicable);
        Compare(ItemField.RatingScale, (RatingMin, RatingMax, RatingPassMin) == (before.RatingMin, before.RatingMax, before.RatingPassMin));
        Compare(ItemField.Unit, Unit == before.Unit);
        Compare(ItemField.Band, (BandMin, BandMax, MinimumFromHeadcount) == (before.BandMin, before.BandMax, before.MinimumFromHeadcount));
        Compare(ItemField.Plausibility, (PlausibleMin, PlausibleMax) == (before.PlausibleMin, before.PlausibleMax));
        Compare(ItemField.RoomTypes, RoomTypes.Distinct().Order().SequenceEqual(before.RoomTypes.Distinct().Order()));
        Compare(ItemField.Weight, Weight == before.Weight);
        Compare(ItemField.Severity, DefaultSeverity == before.DefaultSeverity);
        Compare(ItemField.Guidance, Same(Guidance, before.Guidance));
        Compare(ItemField.Source, Same(SourceCode, before.SourceCode) && Same(SourceNote, before.SourceNote));
        return changed;
    }

    // An item stores its texts trimmed and an empty optional text as nothing, so "a " and "a", or "" and null, are the same.
    private static bool Same(string? a, string? b) => string.Equals(Normal(a), Normal(b), StringComparison.Ordinal);

    private static string? Normal(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>What the inspector entered for one item.</summary>
public readonly record struct AnswerInput(AnswerInputKind Kind, decimal? Number = null)
{
    public static AnswerInput Pass() => new(AnswerInputKind.Pass);

    public static AnswerInput Fail() => new(AnswerInputKind.Fail);

    public static AnswerInput NotApplicable() => new(AnswerInputKind.NotApplicable);

    public static AnswerInput Rating(int value) => new(AnswerInputKind.Rating, value);

    public static AnswerInput Reading(decimal value) => new(AnswerInputKind.Reading, value);
}

public enum AnswerInputKind
{
    Pass,
    Fail,
    NotApplicable,
    Rating,
    Reading,
}

/// <summary>Facts about the place that some items need to be judged, such as the headcount a toilet serves.</summary>
public sealed record EvaluationContext(int Headcount)
{
    /// <summary>A men's toilet serves the OPD's men, a women's toilet its women, any other room everyone, counted as the visit pinned them.</summary>
    public static EvaluationContext For(Visit visit, Room room) => new(room.ToiletFor switch
    {
        ToiletUsers.Men => visit.MaleHeadcount,
        ToiletUsers.Women => visit.FemaleHeadcount,
        _ => visit.MaleHeadcount + visit.FemaleHeadcount,
    });
}

public class ChecklistItem
{
    private ChecklistItem()
    {
        Code = LabelId = LabelEn = SourceCode = string.Empty;
        RoomTypes = Array.Empty<RoomType>();
    }

    internal ChecklistItem(Guid categoryId, ChecklistItemDefinition definition, int sortOrder)
        : this()
    {
        Id = Guid.CreateVersion7();
        CategoryId = categoryId;
        SortOrder = sortOrder;
        Apply(definition);
    }

    public Guid Id { get; private set; }

    public Guid CategoryId { get; private set; }

    public int SortOrder { get; private set; }

    public string Code { get; private set; }

    public string LabelId { get; private set; }

    public string LabelEn { get; private set; }

    public AnswerType AnswerType { get; private set; }

    public bool AllowNotApplicable { get; private set; }

    public int? RatingMin { get; private set; }

    public int? RatingMax { get; private set; }

    public int? RatingPassMin { get; private set; }

    public MeasurementUnit? Unit { get; private set; }

    public decimal? BandMin { get; private set; }

    public decimal? BandMax { get; private set; }

    public decimal? PlausibleMin { get; private set; }

    public decimal? PlausibleMax { get; private set; }

    public bool MinimumFromHeadcount { get; private set; }

    public IReadOnlyList<RoomType> RoomTypes { get; private set; }

    public int Weight { get; private set; }

    public Severity DefaultSeverity { get; private set; }

    public string? Guidance { get; private set; }

    public string SourceCode { get; private set; }

    public string? SourceNote { get; private set; }

    /// <summary>Puts the item at a place in a category; the template keeps the numbering of every category gapless.</summary>
    internal void PlaceIn(Guid categoryId, int sortOrder)
    {
        CategoryId = categoryId;
        SortOrder = sortOrder;
    }

    public bool AppliesTo(RoomType roomType) => RoomTypes.Count == 0 || RoomTypes.Contains(roomType);

    /// <summary>Judges an answer against this item. A reading outside the plausibility limits is a typing error and is refused.</summary>
    public AnswerOutcome Evaluate(AnswerInput input, EvaluationContext? context = null)
    {
        if (input.Kind == AnswerInputKind.NotApplicable)
        {
            return AllowNotApplicable ? AnswerOutcome.NotApplicable
                : throw new DomainException("answer.naNotAllowed", $"Butir \"{LabelId}\" tidak dapat dijawab N/A.");
        }

        return AnswerType switch
        {
            AnswerType.PassFail => EvaluatePassFail(input),
            AnswerType.Rating => EvaluateRating(input),
            AnswerType.Measurement => EvaluateReading(input, context),
            _ => throw new DomainException("answer.type", "Jenis jawaban tidak dikenal."),
        };
    }

    /// <summary>The acceptable band as people read it, e.g. "23–26 °C" or "≥ 100 lx".</summary>
    public string BandText(CultureInfo culture, EvaluationContext? context = null)
    {
        if (AnswerType == AnswerType.Rating)
        {
            return $"≥ {RatingPassMin} ({RatingMin}–{RatingMax})";
        }

        if (AnswerType == AnswerType.PassFail)
        {
            return "OK";
        }

        var unit = UnitSymbol(Unit);
        var min = MinimumFor(context);
        return (min, BandMax) switch
        {
            ({ } lo, { } hi) => $"{lo.ToString("0.##", culture)}–{hi.ToString("0.##", culture)} {unit}",
            ({ } lo, null) => $"≥ {lo.ToString("0.##", culture)} {unit}",
            (null, { } hi) => $"≤ {hi.ToString("0.##", culture)} {unit}",
            _ => unit,
        };
    }

    public static string UnitSymbol(MeasurementUnit? unit) => unit switch
    {
        MeasurementUnit.DegreesCelsius => "°C",
        MeasurementUnit.RelativeHumidityPercent => "%RH",
        MeasurementUnit.PartsPerMillion => "ppm",
        MeasurementUnit.Lux => "lx",
        MeasurementUnit.DecibelA => "dBA",
        MeasurementUnit.MetersPerSecond => "m/s",
        MeasurementUnit.Centimeters => "cm",
        MeasurementUnit.Count => "unit",
        MeasurementUnit.SlopeRun => "(1:n)",
        _ => string.Empty,
    };

    public ChecklistItemDefinition ToDefinition() => new()
    {
        Code = Code,
        LabelId = LabelId,
        LabelEn = LabelEn,
        AnswerType = AnswerType,
        AllowNotApplicable = AllowNotApplicable,
        RatingMin = RatingMin,
        RatingMax = RatingMax,
        RatingPassMin = RatingPassMin,
        Unit = Unit,
        BandMin = BandMin,
        BandMax = BandMax,
        PlausibleMin = PlausibleMin,
        PlausibleMax = PlausibleMax,
        MinimumFromHeadcount = MinimumFromHeadcount,
        RoomTypes = [.. RoomTypes],
        Weight = Weight,
        DefaultSeverity = DefaultSeverity,
        Guidance = Guidance,
        SourceCode = SourceCode,
        SourceNote = SourceNote,
    };

    internal void Apply(ChecklistItemDefinition d)
    {
        if (ChecklistItemRules.Check(d) is [var first, ..])
        {
            throw new DomainException(first.Code, first.Message);
        }

        Code = d.Code.Trim();
        LabelId = d.LabelId.Trim();
        LabelEn = d.LabelEn.Trim();
        AnswerType = d.AnswerType;
        AllowNotApplicable = d.AllowNotApplicable;
        RatingMin = d.RatingMin;
        RatingMax = d.RatingMax;
        RatingPassMin = d.RatingPassMin;
        Unit = d.Unit;
        BandMin = d.BandMin;
        BandMax = d.BandMax;
        PlausibleMin = d.PlausibleMin;
        PlausibleMax = d.PlausibleMax;
        MinimumFromHeadcount = d.MinimumFromHeadcount;
        RoomTypes = d.RoomTypes.Distinct().ToArray();
        Weight = d.Weight;
        DefaultSeverity = d.DefaultSeverity;
        Guidance = d.Guidance?.Trim();
        SourceCode = d.SourceCode.Trim();
        SourceNote = d.SourceNote?.Trim();
    }

    private AnswerOutcome EvaluatePassFail(AnswerInput input) => input.Kind switch
    {
        AnswerInputKind.Pass => AnswerOutcome.Ok,
        AnswerInputKind.Fail => AnswerOutcome.NotOk,
        _ => throw new DomainException("answer.kind", $"Butir \"{LabelId}\" dijawab dengan OK atau Tidak OK."),
    };

    // The checks below run on every keystroke in a reading field: the messages are built only when
    // an answer is refused.
    private AnswerOutcome EvaluateRating(AnswerInput input)
    {
        if (input.Kind != AnswerInputKind.Rating || input.Number is not { } value || value != decimal.Truncate(value))
        {
            throw new DomainException("answer.kind", $"Butir \"{LabelId}\" dijawab dengan nilai {RatingMin}–{RatingMax}.");
        }

        if (value < RatingMin || value > RatingMax)
        {
            throw new DomainException("answer.scale", $"Nilai {value:0} di luar skala {RatingMin}–{RatingMax}.");
        }

        return value >= RatingPassMin ? AnswerOutcome.Ok : AnswerOutcome.NotOk;
    }

    private AnswerOutcome EvaluateReading(AnswerInput input, EvaluationContext? context)
    {
        if (input.Kind != AnswerInputKind.Reading || input.Number is not { } value)
        {
            throw new DomainException("answer.kind", $"Butir \"{LabelId}\" dijawab dengan hasil pengukuran dalam {UnitSymbol(Unit)}.");
        }

        if (value < PlausibleMin || value > PlausibleMax)
        {
            var id = CultureInfo.GetCultureInfo("id-ID");
            throw new DomainException(
                "answer.implausible",
                $"Nilai {value.ToString("0.##", id)} {UnitSymbol(Unit)} di luar batas wajar {PlausibleMin?.ToString("0.##", id)}–{PlausibleMax?.ToString("0.##", id)} {UnitSymbol(Unit)}; periksa kembali pengukurannya.");
        }

        var min = MinimumFor(context);
        var ok = (min is null || value >= min) && (BandMax is null || value <= BandMax);
        return ok ? AnswerOutcome.Ok : AnswerOutcome.NotOk;
    }

    private decimal? MinimumFor(EvaluationContext? context)
    {
        if (!MinimumFromHeadcount)
        {
            return BandMin;
        }

        return context is null
            ? throw new DomainException("answer.context", "Jumlah pegawai OPD dibutuhkan untuk menilai butir ini.")
            : ToiletRatio.RequiredClosets(context.Headcount);
    }
}


/// <summary>The parts of an item an administrator edits; a problem or a change is reported against one of them.</summary>
public enum ItemField
{
    Code,
    LabelId,
    LabelEn,
    AnswerType,
    NotApplicable,
    RatingScale,
    Unit,
    Band,
    Plausibility,
    RoomTypes,
    Weight,
    Severity,
    Guidance,
    Source,
}

/// <summary>One rule an item definition breaks, with the field the editor shows it under.</summary>
public sealed record ItemProblem(ItemField Field, string Code, string Message);

/// <summary>
/// Every rule of an item definition, all of them checked at once: saving an item refuses with the first, the editor shows
/// each under its field, and publishing lists them all for every item.
/// </summary>
public static class ChecklistItemRules
{
    public static IReadOnlyList<ItemProblem> Check(ChecklistItemDefinition d)
    {
        var problems = new List<ItemProblem>();
        void Need(bool ok, ItemField field, string code, string message)
        {
            if (!ok)
            {
                problems.Add(new ItemProblem(field, code, message));
            }
        }

        Need(Filled(d.Code, 50), ItemField.Code, "item.code", "Kode butir wajib diisi (paling banyak 50 karakter).");
        Need(Filled(d.LabelId, 300), ItemField.LabelId, "item.label", "Label butir (Indonesia) wajib diisi.");
        Need(Filled(d.LabelEn, 300), ItemField.LabelEn, "item.label", "Label butir (Inggris) wajib diisi.");
        Need(Filled(d.SourceCode, 100), ItemField.Source, "item.source", "Rujukan sumber butir wajib diisi.");
        Need((d.SourceNote?.Trim().Length ?? 0) <= 500, ItemField.Source, "item.sourceNote", "Catatan sumber paling banyak 500 karakter.");
        Need((d.Guidance?.Trim().Length ?? 0) <= 2000, ItemField.Guidance, "item.guidance", "Panduan paling banyak 2.000 karakter.");
        Need(d.Weight is >= 1 and <= 10, ItemField.Weight, "item.weight", "Bobot butir harus antara 1 dan 10.");
        Need(Enum.IsDefined(d.DefaultSeverity), ItemField.Severity, "item.severity", "Tingkat keparahan tidak dikenal.");

        switch (d.AnswerType)
        {
            case AnswerType.PassFail:
                Need(d.Unit is null && d.BandMin is null && d.BandMax is null && d.RatingMin is null, ItemField.AnswerType, "item.passFail", "Butir OK/Tidak OK tidak memakai satuan, rentang, atau skala.");
                break;
            case AnswerType.Rating:
                var scale = d.RatingMin is >= 0 && d.RatingMax is { } max && max > d.RatingMin && max <= 10;
                Need(scale, ItemField.RatingScale, "item.scale", "Skala penilaian harus berupa rentang bilangan bulat, misalnya 1–5.");
                Need(!scale || (d.RatingPassMin is { } pass && pass >= d.RatingMin && pass <= d.RatingMax), ItemField.RatingScale, "item.scalePass", "Nilai lulus harus berada di dalam skala penilaian.");
                break;
            case AnswerType.Measurement:
                CheckMeasurement(d, Need);
                break;
            default:
                Need(false, ItemField.AnswerType, "item.type", "Jenis jawaban tidak dikenal.");
                break;
        }

        return problems;
    }

    private static void CheckMeasurement(ChecklistItemDefinition d, Action<bool, ItemField, string, string> need)
    {
        need(d.Unit is not null, ItemField.Unit, "item.unit", "Butir pengukuran wajib memiliki satuan.");
        var plausible = d.PlausibleMin is { } pMin && d.PlausibleMax is { } pMax && pMin < pMax;
        need(plausible, ItemField.Plausibility, "item.plausible", "Batas wajar pengukuran (minimum dan maksimum) wajib diisi.");
        need(d.BandMin is not null || d.BandMax is not null || d.MinimumFromHeadcount, ItemField.Band, "item.band", "Rentang standar kosong: isi batas bawah dan/atau batas atas.");
        need(d.BandMin is null || d.BandMax is null || d.BandMin <= d.BandMax, ItemField.Band, "item.bandOrder", "Batas bawah rentang standar lebih besar dari batas atasnya.");
        need(
            !plausible ||
            ((d.BandMin is null || (d.BandMin >= d.PlausibleMin && d.BandMin <= d.PlausibleMax)) &&
             (d.BandMax is null || (d.BandMax >= d.PlausibleMin && d.BandMax <= d.PlausibleMax))),
            ItemField.Band,
            "item.bandPlausible",
            "Rentang standar berada di luar batas wajar pengukuran.");
    }

    private static bool Filled(string? value, int maxLength) => value?.Trim() is { Length: > 0 } text && text.Length <= maxLength;
}
