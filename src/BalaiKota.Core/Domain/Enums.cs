namespace BalaiKota.Core.Domain;

public enum OpdKind
{
    Dinas,
    Badan,
    Bagian,
    Kantor,
    Inspektorat,
    Satuan,
    Sekretariat,
    Lainnya,
}

public enum RoomType
{
    Office,
    ServiceHall,
    WaitingRoom,
    Toilet,
    MeetingRoom,
    LactationRoom,
    CorridorLobby,
    Other,
}

/// <summary>Who a toilet is for; its closets are judged against the headcount of those people.</summary>
public enum ToiletUsers
{
    All,
    Men,
    Women,
}

/// <summary>The six areas of the checklist; a finding, ad hoc or not, belongs to one.</summary>
public enum InspectionArea
{
    Ventilation,
    Heat,
    Toilets,
    Comfort,
    Accessibility,
    Safety,
}

public enum AnswerType
{
    /// <summary>OK / not OK, optionally not applicable.</summary>
    PassFail,

    /// <summary>A whole number on a scale such as 1–5 or 0–5.</summary>
    Rating,

    /// <summary>A measured reading with a unit, an acceptable band and plausibility limits.</summary>
    Measurement,
}

public enum MeasurementUnit
{
    DegreesCelsius,
    RelativeHumidityPercent,
    PartsPerMillion,
    Lux,
    DecibelA,
    MetersPerSecond,
    Centimeters,
    Count,

    /// <summary>A slope given as the run n of a 1:n ratio (1:12 is entered as 12).</summary>
    SlopeRun,
}

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum AnswerOutcome
{
    Ok,
    NotOk,
    NotApplicable,
    NotInspected,
}

public enum TemplateStatus
{
    Draft,
    Published,
    Retired,
}

public enum VisitStatus
{
    Planned,
    InProgress,
    Submitted,
    Cancelled,
}

public enum FindingStatus
{
    Open,
    Resolved,
    Dismissed,
}

public enum TaskPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

public enum FollowUpStatus
{
    /// <summary>Drafted from a submitted visit, waiting for the secretariat's triage.</summary>
    New,
    Assigned,
    InProgress,
    HandedBack,
    Done,
    Verified,
    Dismissed,

    /// <summary>A repeat finding's draft joined into an open task on the same room and item.</summary>
    Merged,
}

public enum ResponsibleUnitKind
{
    TechnicalUnit,
    Opd,
}

public enum PhotoKind
{
    Finding,
    After,
    Verification,
}
