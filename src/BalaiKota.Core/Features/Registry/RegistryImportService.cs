using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using BalaiKota.Core.Features.Exports;
using Microsoft.EntityFrameworkCore;
using static BalaiKota.Core.Features.Registry.RegistryCsv;

namespace BalaiKota.Core.Features.Registry;

/// <summary>
/// The registry as CSV files, one per kind: OPDs by short name, buildings by name, rooms by OPD, building, floor and
/// name. An import is first previewed (every line checked, nothing written); it is written only when no line has an
/// error, all lines in one transaction, after checking them again against the registry as it is then. Exporting a file
/// and importing it again changes nothing.
/// </summary>
public sealed class RegistryImportService(IDbContextFactory<BalaiKotaDbContext> contexts)
{
    /// <summary>The largest file an import reads; the page says so before it uploads more.</summary>
    public const int MaxUploadBytes = MaxBytes;

    private const string Changing = "mengimpor daftar ruangan";

    private static readonly Dictionary<string, RegistryColumn> ColumnOfCode = new(StringComparer.Ordinal)
    {
        ["opd.name"] = OpdName,
        ["opd.shortName"] = OpdShortName,
        ["opd.kind"] = OpdKindColumn,
        ["opd.headcount"] = OpdMen,
        ["building.name"] = BuildingName,
        ["building.floors"] = BuildingFloors,
        ["building.floorsInUse"] = BuildingFloors,
        ["building.address"] = BuildingAddress,
        ["room.name"] = RoomName,
        ["room.duplicate"] = RoomName,
        ["room.floor"] = RoomFloor,
        ["room.floorNotInBuilding"] = RoomFloor,
        ["room.area"] = RoomArea,
        ["room.occupancy"] = RoomOccupancy,
        ["room.toiletFor"] = RoomToiletFor,
        ["room.opdInactive"] = RoomOpd,
        ["room.buildingInactive"] = RoomBuilding,
    };

    public async Task<ExportFile> ExportAsync(Actor actor, RegistryKind kind, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, "mengekspor daftar ruangan");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = FileName(kind);
        return kind switch
        {
            RegistryKind.Opds => ExportWriter.Write(
                ExportFormat.Csv,
                name,
                name,
                [
                    new(OpdShortName.Header, CellKind.Text, 16, (Opd o) => o.ShortName),
                    new(OpdName.Header, CellKind.Text, 40, o => o.Name),
                    new(OpdKindColumn.Header, CellKind.Text, 12, o => o.Kind.ToString()),
                    new(OpdMen.Header, CellKind.Number, 8, o => o.MaleHeadcount),
                    new(OpdWomen.Header, CellKind.Number, 8, o => o.FemaleHeadcount),
                    new(Active.Header, CellKind.Text, 6, o => Yes(o.IsActive)),
                ],
                (await db.Opds.AsNoTracking().ToListAsync(ct)).OrderBy(o => o.ShortName, StringComparer.OrdinalIgnoreCase)),
            RegistryKind.Buildings => ExportWriter.Write(
                ExportFormat.Csv,
                name,
                name,
                [
                    new(BuildingName.Header, CellKind.Text, 40, (Building b) => b.Name),
                    new(BuildingFloors.Header, CellKind.Number, 8, b => b.FloorCount),
                    new(BuildingAddress.Header, CellKind.Text, 40, b => b.Address),
                    new(Active.Header, CellKind.Text, 6, b => Yes(b.IsActive)),
                ],
                (await db.Buildings.AsNoTracking().ToListAsync(ct)).OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase)),
            _ => ExportWriter.Write(
                ExportFormat.Csv,
                name,
                name,
                [
                    new(RoomOpd.Header, CellKind.Text, 16, (RoomRow r) => r.OpdShortName),
                    new(RoomBuilding.Header, CellKind.Text, 30, r => r.BuildingName),
                    new(RoomFloor.Header, CellKind.Number, 6, r => r.Floor),
                    new(RoomName.Header, CellKind.Text, 36, r => r.Name),
                    new(RoomTypeColumn.Header, CellKind.Text, 16, r => TypeName(r.Type)),
                    new(RoomArea.Header, CellKind.Number, 8, r => r.AreaSquareMeters),
                    new(RoomOccupancy.Header, CellKind.Number, 8, r => r.Occupancy),
                    new(RoomAirConditioned.Header, CellKind.Text, 6, r => Yes(r.IsAirConditioned)),
                    new(RoomToiletFor.Header, CellKind.Text, 8, r => ToiletName(r.ToiletFor)),
                    new(Active.Header, CellKind.Text, 6, r => Yes(r.IsActive)),
                ],
                (await RegistryService.RowsOf(db, db.Rooms.AsNoTracking()).ToListAsync(ct))
                    .OrderBy(r => r.BuildingName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Floor)
                    .ThenBy(r => r.OpdShortName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)),
        };
    }

    /// <summary>What importing the file would do, line by line, with every error; writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(Actor actor, RegistryKind kind, byte[] content, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await PlanAsync(db, kind, content, ct);
    }

    /// <summary>Writes every line of the file in one transaction, or, if any line has an error now, nothing.</summary>
    public async Task<ImportPreview> ImportAsync(Actor actor, RegistryKind kind, byte[] content, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await PlanAsync(db, kind, content, ct);
        if (plan.HasErrors)
        {
            return plan;
        }

        await RegistryRules.SaveAsync(db, ct);
        await transaction.CommitAsync(ct);
        return plan with { Committed = true };
    }

    /// <summary>Applies the file to the tracked registry; the caller saves it or throws it away.</summary>
    private static async Task<ImportPreview> PlanAsync(BalaiKotaDbContext db, RegistryKind kind, byte[] content, CancellationToken ct)
    {
        if (content.Length > MaxBytes)
        {
            throw new DomainException("import.tooLarge", "Berkas terlalu besar (paling besar 1 MB). Pisahkan menjadi beberapa berkas.");
        }

        var errors = new List<ImportError>();
        var lines = Read(kind, content, errors);
        var inspected = (await db.RoomInspections.Select(i => i.RoomId).Distinct().ToListAsync(ct)).ToHashSet();
        var registry = new Snapshot(await db.Opds.ToListAsync(ct), await db.Buildings.ToListAsync(ct), await db.Rooms.ToListAsync(ct), inspected);
        var planned = new List<(CsvLine Line, object Entity, bool IsNew, ImportRow Row)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            var before = errors.Count;
            var cells = new Cells(line, errors);
            try
            {
                var applied = kind switch
                {
                    RegistryKind.Opds => ApplyOpd(db, registry, cells, seen),
                    RegistryKind.Buildings => ApplyBuilding(db, registry, cells, seen),
                    _ => ApplyRoom(db, registry, cells, seen),
                };
                if (applied is { } done && errors.Count == before)
                {
                    planned.Add((line, done.Entity, done.IsNew, done.Row));
                }
            }
            catch (DomainException refused)
            {
                errors.Add(new ImportError(line.Line, ColumnOfCode.GetValueOrDefault(refused.Code)?.Header, null, refused.Code, refused.Message));
            }
        }

        db.ChangeTracker.DetectChanges();
        var rows = planned.Select(p => p.Row with
        {
            Action = p.IsNew ? ImportAction.Add : db.Entry(p.Entity).State == EntityState.Modified ? ImportAction.Update : ImportAction.Unchanged,
        });
        return new ImportPreview(kind, [.. rows], [.. errors.OrderBy(e => e.Line)]);
    }

    private static (object Entity, bool IsNew, ImportRow Row)? ApplyOpd(BalaiKotaDbContext db, Snapshot registry, Cells cells, Dictionary<string, int> seen)
    {
        var shortName = cells.Text(OpdShortName);
        var kind = cells.Choice(OpdKindColumn, ReadKind);
        var men = cells.Int(OpdMen);
        var women = cells.Int(OpdWomen);
        var active = cells.Active();
        if (!cells.Ok || !cells.FirstTime(seen, shortName, OpdShortName))
        {
            return null;
        }

        var opd = registry.Opds.FirstOrDefault(o => RegistryRules.SameKey(o.ShortName, shortName));
        var isNew = opd is null;
        if (opd is null)
        {
            opd = new Opd(cells.Text(OpdName), shortName, kind!.Value, men!.Value, women!.Value);
            db.Opds.Add(opd);
            registry.Opds.Add(opd);
        }
        else
        {
            opd.Update(cells.Text(OpdName), shortName, kind!.Value, men!.Value, women!.Value);
        }

        Switch(active, opd.Activate, () =>
        {
            opd.Deactivate();
            RegistryRules.DeactivateRooms(registry.Rooms.Where(r => r.OpdId == opd.Id));
        });

        return (opd, isNew, new ImportRow(cells.Line, ImportAction.Add, opd.Name, Opd: opd.ShortName));
    }

    private static (object Entity, bool IsNew, ImportRow Row)? ApplyBuilding(BalaiKotaDbContext db, Snapshot registry, Cells cells, Dictionary<string, int> seen)
    {
        var name = cells.Text(BuildingName);
        var floors = cells.Int(BuildingFloors);
        var active = cells.Active();
        if (!cells.Ok || !cells.FirstTime(seen, name, BuildingName))
        {
            return null;
        }

        var building = registry.Buildings.FirstOrDefault(b => RegistryRules.SameKey(b.Name, name));
        var isNew = building is null;
        if (building is null)
        {
            building = new Building(name, floors!.Value, cells.Text(BuildingAddress));
            db.Buildings.Add(building);
            registry.Buildings.Add(building);
        }
        else
        {
            building.Update(name, floors!.Value, cells.Text(BuildingAddress));
            RegistryRules.FloorsKept(building, registry.Rooms);
        }

        Switch(active, building.Activate, () =>
        {
            building.Deactivate();
            RegistryRules.DeactivateRooms(registry.Rooms.Where(r => r.BuildingId == building.Id));
        });

        return (building, isNew, new ImportRow(cells.Line, ImportAction.Add, building.Name));
    }

    private static (object Entity, bool IsNew, ImportRow Row)? ApplyRoom(BalaiKotaDbContext db, Snapshot registry, Cells cells, Dictionary<string, int> seen)
    {
        var opd = cells.Reference(RoomOpd, registry.Opds, o => o.ShortName, "import.unknownOpd", "OPD dengan singkatan ini belum terdaftar; impor atau tambahkan OPD-nya dulu.");
        var building = cells.Reference(RoomBuilding, registry.Buildings, b => b.Name, "import.unknownBuilding", "Gedung ini belum terdaftar; impor atau tambahkan gedungnya dulu.");
        var floor = cells.Int(RoomFloor);
        var name = cells.Text(RoomName);
        var type = cells.Choice(RoomTypeColumn, ReadType);
        var area = cells.Decimal(RoomArea) ?? 0;
        var occupancy = cells.Int(RoomOccupancy, optional: true) ?? 0;
        var airConditioned = cells.YesNo(RoomAirConditioned) ?? false;
        var toiletFor = cells.Choice(RoomToiletFor, ReadToilet, optional: true);
        var active = cells.Active();
        if (!cells.Ok || !cells.FirstTime(seen, $"{opd!.Id}|{building!.Id}|{floor}|{name}", RoomName))
        {
            return null;
        }

        var room = registry.Rooms.FirstOrDefault(r => r.OpdId == opd.Id && r.BuildingId == building.Id && r.Floor == floor && RegistryRules.SameKey(r.Name, name));
        var isNew = room is null;
        toiletFor = type == RoomType.Toilet ? toiletFor : null;
        if (room is null)
        {
            room = new Room(opd.Id, building.Id, name, floor!.Value, type!.Value, area, occupancy, airConditioned, toiletFor);
            db.Rooms.Add(room);
            registry.Rooms.Add(room);
        }
        else
        {
            RegistryRules.InspectedRoomKeepsItsPlace(room, registry.Inspected.Contains(room.Id), opd.Id, building.Id, floor!.Value, type!.Value);
            room.Update(opd.Id, building.Id, name, floor!.Value, type!.Value, area, occupancy, airConditioned, toiletFor);
        }

        Switch(active, room.Activate, room.Deactivate);

        RegistryRules.RoomFits(room, opd, building, registry.Rooms);
        return (room, isNew, new ImportRow(cells.Line, ImportAction.Add, room.Name, opd.ShortName, building.Name, room.Floor));
    }

    /// <summary>The file's Aktif column: empty keeps a row as it is; an OPD or building switched off takes its rooms with it.</summary>
    private static void Switch(bool? active, Action activate, Action deactivate)
    {
        if (active == true)
        {
            activate();
        }
        else if (active == false)
        {
            deactivate();
        }
    }

    /// <summary>The registry as loaded (tracked) for one import, with the rows the file adds.</summary>
    /// <param name="Inspected">Rooms that visits have inspected; they keep their place and type.</param>
    private sealed record Snapshot(List<Opd> Opds, List<Building> Buildings, List<Room> Rooms, IReadOnlySet<Guid> Inspected);

    /// <summary>Reads the cells of one line, noting an error for every cell that does not read, so that a line reports all its faults at once.</summary>
    private sealed class Cells(CsvLine line, List<ImportError> errors)
    {
        private bool _ok = true;

        public int Line => line.Line;

        public bool Ok => _ok;

        public string Text(RegistryColumn column) => line[column];

        public int? Int(RegistryColumn column, bool optional = false)
        {
            var text = line[column];
            if (text.Length == 0 && optional)
            {
                return null;
            }

            return TryInt(text, out var value) ? value : Fail<int?>(column, text, "import.number", "Isi dengan bilangan bulat, misalnya 12.");
        }

        public decimal? Decimal(RegistryColumn column)
        {
            var text = line[column];
            if (text.Length == 0)
            {
                return null;
            }

            return TryDecimal(text, out var value) ? value : Fail<decimal?>(column, text, "import.decimal", "Isi dengan angka, misalnya 12,5 atau 12.5.");
        }

        public bool? YesNo(RegistryColumn column)
        {
            var text = line[column];
            return text.Length == 0 ? null : ReadYes(text) ?? Fail<bool?>(column, text, "import.yesNo", "Isi dengan Ya atau Tidak.");
        }

        /// <summary>Null when the file does not say, which keeps an existing row as it is and makes a new one active.</summary>
        public bool? Active() => YesNo(RegistryCsv.Active);

        public T? Choice<T>(RegistryColumn column, Func<string, T?> read, bool optional = false)
            where T : struct
        {
            var text = line[column];
            if (text.Length == 0 && optional)
            {
                return null;
            }

            return read(text) ?? Fail<T?>(column, text, "import.choice", "Nilai ini tidak dikenal; pakai salah satu nilai dari berkas ekspor.");
        }

        public T? Reference<T>(RegistryColumn column, IEnumerable<T> rows, Func<T, string> key, string code, string message)
            where T : class
        {
            var text = line[column];
            return rows.FirstOrDefault(r => RegistryRules.SameKey(key(r), text)) ?? Fail<T>(column, text, code, message);
        }

        /// <summary>A key seen on an earlier line would import the same row twice; the later line is refused.</summary>
        public bool FirstTime(Dictionary<string, int> seen, string key, RegistryColumn column)
        {
            if (seen.TryGetValue(key.Trim(), out var earlier))
            {
                Fail<object>(column, earlier.ToString(System.Globalization.CultureInfo.InvariantCulture), "import.duplicateLine", "Baris ini mengulang baris lain berkas ini (nomor barisnya di kolom Nilai).");
                return false;
            }

            seen[key.Trim()] = line.Line;
            return true;
        }

        private T? Fail<T>(RegistryColumn column, string value, string code, string message)
        {
            errors.Add(new ImportError(line.Line, column.Header, value, code, message));
            _ok = false;
            return default;
        }
    }
}
