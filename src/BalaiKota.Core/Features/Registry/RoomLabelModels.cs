using BalaiKota.Core.Features.Reports;

namespace BalaiKota.Core.Features.Registry;

/// <summary>A printable sheet of door labels: the active rooms of one building, or of one of its floors.</summary>
/// <param name="Floor">The floor the sheet is narrowed to; null for the whole building.</param>
/// <param name="Labels">Ordered by floor, then room name.</param>
public sealed record RoomLabelSheetModel(ReportLanguage Language, string BuildingName, int? Floor, DateTime PrintedAtUtc, IReadOnlyList<RoomLabel> Labels);

/// <summary>What a room's door label prints, and the absolute address its QR code carries.</summary>
/// <param name="IsActive">False for a room taken out of use: it has a code still, but no place on a sheet.</param>
public sealed record RoomLabel(Guid RoomId, string RoomName, string OpdName, string OpdShortName, Guid BuildingId, string BuildingName, int Floor, Uri InspectUrl, bool IsActive = true);

/// <summary>A building an administrator may print labels for, with the floors that have active rooms, lowest first.</summary>
public sealed record RoomLabelBuilding(Guid Id, string Name, IReadOnlyList<int> Floors);
