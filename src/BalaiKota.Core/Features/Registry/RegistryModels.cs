using BalaiKota.Core.Domain;

namespace BalaiKota.Core.Features.Registry;

/// <summary>An OPD as the registry page lists it, with how many rooms it has and how many visits it had.</summary>
public sealed record OpdRow(
    Guid Id,
    string Name,
    string ShortName,
    OpdKind Kind,
    int MaleHeadcount,
    int FemaleHeadcount,
    bool IsActive,
    int RoomCount,
    int ActiveRoomCount,
    int VisitCount,
    int Version);

/// <summary>A building with its floors: 1 to its floor count, and the basements (0 and below) that rooms are on.</summary>
public sealed record BuildingRow(Guid Id, string Name, int FloorCount, string? Address, bool IsActive, int RoomCount, IReadOnlyList<int> Floors, int Version);

public sealed record RoomRow(
    Guid Id,
    Guid OpdId,
    string OpdShortName,
    string OpdName,
    Guid BuildingId,
    string BuildingName,
    string Name,
    int Floor,
    RoomType Type,
    decimal AreaSquareMeters,
    int Occupancy,
    bool IsAirConditioned,
    ToiletUsers? ToiletFor,
    bool IsActive,
    bool NeedsConfirmation,
    int Version);

/// <summary>Which rooms to list; a null criterion lets every room through.</summary>
public sealed record RoomFilter(Guid? OpdId = null, Guid? BuildingId = null, int? Floor = null, bool? IsActive = null, bool? NeedsConfirmation = null);

/// <summary>A room an inspector added during a visit, waiting for an administrator, with who added it, when, and in which visit.</summary>
public sealed record RoomToConfirm(RoomRow Room, DateTime AddedAt, string? AddedBy, Guid? VisitId, DateOnly? VisitDate);

public sealed record OpdInput(string Name, string ShortName, OpdKind Kind, int MaleHeadcount, int FemaleHeadcount);

public sealed record BuildingInput(string Name, int FloorCount, string? Address);

public sealed record RoomInput(
    Guid OpdId,
    Guid BuildingId,
    string Name,
    int Floor,
    RoomType Type,
    decimal AreaSquareMeters,
    int Occupancy,
    bool IsAirConditioned,
    ToiletUsers? ToiletFor);

public enum RemoveOutcome
{
    /// <summary>Nothing referred to it: the row is gone.</summary>
    Deleted,

    /// <summary>Something refers to it (a visit, a finding, a room…): it is kept, inactive, so that history stays whole.</summary>
    Deactivated,
}

/// <summary>What a removal did, and what kept the row alive when it was only deactivated.</summary>
/// <param name="RoomsDeactivated">The rooms of a deactivated OPD or building that went inactive with it.</param>
public sealed record RemoveResult(RemoveOutcome Outcome, RegistryReferences References, int RoomsDeactivated = 0);

/// <summary>The rows that refer to an OPD, building or room.</summary>
public sealed record RegistryReferences(int Rooms = 0, int Visits = 0, int Inspections = 0, int Findings = 0, int Units = 0)
{
    public bool Any => Rooms + Visits + Inspections + Findings + Units > 0;
}

/// <summary>What switching an OPD, building or room on or off did; an OPD or building takes its rooms off with it.</summary>
public sealed record ActiveResult(bool IsActive, int RoomsDeactivated);

public enum ImportAction
{
    Add,
    Update,
    Unchanged,
}

/// <summary>What importing one line does; <paramref name="Opd"/>, <paramref name="Building"/> and <paramref name="Floor"/> are set for a room.</summary>
public sealed record ImportRow(int Line, ImportAction Action, string Name, string? Opd = null, string? Building = null, int? Floor = null);

/// <summary>
/// Why a line cannot be imported. <paramref name="Code"/> names the message in the user's language (Domain_{code});
/// <paramref name="Message"/> is the Indonesian default; <paramref name="Value"/> is what the cell held, where it helps.
/// </summary>
/// <param name="Line">The line of the file, counting the header as line 1, as a spreadsheet numbers it.</param>
/// <param name="Column">The header of the column at fault, or null when the whole line or file is.</param>
public sealed record ImportError(int Line, string? Column, string? Value, string Code, string Message);

/// <summary>What an import would do (or, when <see cref="Committed"/>, did): every line with its action, and every error. Nothing is written while there is an error.</summary>
public sealed record ImportPreview(RegistryKind Kind, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors, bool Committed = false)
{
    public bool HasErrors => Errors.Count > 0;

    public int Count(ImportAction action) => Rows.Count(r => r.Action == action);
}
