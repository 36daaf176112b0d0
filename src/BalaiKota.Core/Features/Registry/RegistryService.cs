using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Registry;

/// <summary>
/// The registry of OPDs, buildings and rooms, kept by administrators. Something referred to by a visit, a finding, a
/// room or a repair unit is deactivated, never deleted, so that past visits and reports stay whole; an OPD or building
/// that goes off takes its rooms with it, so that no new visit is offered a room there.
/// </summary>
public sealed class RegistryService(IDbContextFactory<BalaiKotaDbContext> contexts)
{
    private const string Reading = "membuka daftar ruangan";
    private const string Changing = "mengubah daftar ruangan";

    public async Task<IReadOnlyList<OpdRow>> ListOpdsAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Reading);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Opds.AsNoTracking()
            .Select(o => new OpdRow(
                o.Id,
                o.Name,
                o.ShortName,
                o.Kind,
                o.MaleHeadcount,
                o.FemaleHeadcount,
                o.IsActive,
                db.Rooms.Count(r => r.OpdId == o.Id),
                db.Rooms.Count(r => r.OpdId == o.Id && r.IsActive),
                db.Visits.Count(v => v.OpdId == o.Id),
                o.Version))
            .ToListAsync(ct);
        return [.. rows.OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<IReadOnlyList<BuildingRow>> ListBuildingsAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Reading);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var buildings = await db.Buildings.AsNoTracking().ToListAsync(ct);
        var floors = await db.Rooms.AsNoTracking().GroupBy(r => new { r.BuildingId, r.Floor }).Select(g => new { g.Key.BuildingId, g.Key.Floor, Count = g.Count() }).ToListAsync(ct);
        return [.. buildings
            .OrderBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(b =>
            {
                var used = floors.Where(f => f.BuildingId == b.Id).ToList();
                var all = Enumerable.Range(1, b.FloorCount).Concat(used.Select(f => f.Floor)).Distinct().Order().ToList();
                return new BuildingRow(b.Id, b.Name, b.FloorCount, b.Address, b.IsActive, used.Sum(f => f.Count), all, b.Version);
            })];
    }

    public async Task<IReadOnlyList<RoomRow>> ListRoomsAsync(Actor actor, RoomFilter filter, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Reading);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rooms = db.Rooms.AsNoTracking();
        rooms = filter.OpdId is { } opd ? rooms.Where(r => r.OpdId == opd) : rooms;
        rooms = filter.BuildingId is { } building ? rooms.Where(r => r.BuildingId == building) : rooms;
        rooms = filter.Floor is { } floor ? rooms.Where(r => r.Floor == floor) : rooms;
        rooms = filter.IsActive is { } active ? rooms.Where(r => r.IsActive == active) : rooms;
        rooms = filter.NeedsConfirmation is { } unconfirmed ? rooms.Where(r => r.NeedsConfirmation == unconfirmed) : rooms;
        var rows = await RowsOf(db, rooms).ToListAsync(ct);
        return [.. rows
            .OrderBy(r => r.BuildingName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Floor)
            .ThenBy(r => r.OpdShortName, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The rooms inspectors added during visits, oldest first, with who added them and the visit they were added to.</summary>
    public async Task<IReadOnlyList<RoomToConfirm>> RoomsToConfirmAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Reading);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rooms = db.Rooms.AsNoTracking().Where(r => r.NeedsConfirmation);
        var rows = await RowsOf(db, rooms).ToListAsync(ct);
        var added = await rooms
            .Select(r => new
            {
                r.Id,
                r.CreatedAt,
                By = db.Users.Where(u => u.Id == r.CreatedBy).Select(u => u.FullName).FirstOrDefault(),
                Visit = db.RoomInspections.Where(i => i.RoomId == r.Id)
                    .Join(db.Visits, i => i.VisitId, v => v.Id, (i, v) => new { v.Id, v.StartedAt, v.PlannedDate, v.CreatedAt })
                    .OrderBy(v => v.CreatedAt)
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);
        var of = added.ToDictionary(a => a.Id);
        // The two reads are apart: a room confirmed or removed in between is left out rather than failing the page.
        return [.. rows
            .Where(r => of.ContainsKey(r.Id))
            .Select(r =>
            {
                var a = of[r.Id];
                return new RoomToConfirm(r, a.CreatedAt, a.By, a.Visit?.Id, a.Visit is { } v ? VisitDate.Of(v.StartedAt, v.PlannedDate) : null);
            })
            .OrderBy(r => r.AddedAt)];
    }

    public async Task<Guid> CreateOpdAsync(Actor actor, OpdInput input, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var opd = new Opd(input.Name, input.ShortName, input.Kind, input.MaleHeadcount, input.FemaleHeadcount);
        RegistryRules.ShortNameFree(await db.Opds.ToListAsync(ct), opd);
        db.Opds.Add(opd);
        await RegistryRules.SaveAsync(db, ct);
        return opd.Id;
    }

    public async Task UpdateOpdAsync(Actor actor, Guid id, int version, OpdInput input, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var opds = await db.Opds.ToListAsync(ct);
        var opd = opds.SingleOrDefault(o => o.Id == id) ?? throw RegistryRules.NotFound();
        RegistryRules.Unchanged(opd, version);
        opd.Update(input.Name, input.ShortName, input.Kind, input.MaleHeadcount, input.FemaleHeadcount);
        RegistryRules.ShortNameFree(opds, opd);
        await RegistryRules.SaveAsync(db, ct);
    }

    public async Task<ActiveResult> SetOpdActiveAsync(Actor actor, Guid id, bool active, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var opd = await db.Opds.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw RegistryRules.NotFound();
        return await SwitchAsync(db, active, opd.Activate, () => DeactivateAsync(db, opd, ct), ct);
    }

    /// <summary>Deletes an OPD nothing refers to; one with rooms, visits or a repair unit is deactivated instead.</summary>
    public async Task<RemoveResult> RemoveOpdAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var opd = await db.Opds.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw RegistryRules.NotFound();
        var references = new RegistryReferences(
            Rooms: await db.Rooms.CountAsync(r => r.OpdId == id, ct),
            Visits: await db.Visits.CountAsync(v => v.OpdId == id, ct),
            Units: await db.ResponsibleUnits.CountAsync(u => u.OpdId == id, ct));
        return await RemoveAsync(db, references, () => db.Opds.Remove(opd), () => DeactivateAsync(db, opd, ct), ct);
    }

    public async Task<Guid> CreateBuildingAsync(Actor actor, BuildingInput input, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var building = new Building(input.Name, input.FloorCount, input.Address);
        RegistryRules.BuildingNameFree(await db.Buildings.ToListAsync(ct), building);
        db.Buildings.Add(building);
        await RegistryRules.SaveAsync(db, ct);
        return building.Id;
    }

    public async Task UpdateBuildingAsync(Actor actor, Guid id, int version, BuildingInput input, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var buildings = await db.Buildings.ToListAsync(ct);
        var building = buildings.SingleOrDefault(b => b.Id == id) ?? throw RegistryRules.NotFound();
        RegistryRules.Unchanged(building, version);
        building.Update(input.Name, input.FloorCount, input.Address);
        RegistryRules.BuildingNameFree(buildings, building);
        RegistryRules.FloorsKept(building, await db.Rooms.AsNoTracking().Where(r => r.BuildingId == id).ToListAsync(ct));
        await RegistryRules.SaveAsync(db, ct);
    }

    public async Task<ActiveResult> SetBuildingActiveAsync(Actor actor, Guid id, bool active, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var building = await db.Buildings.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw RegistryRules.NotFound();
        return await SwitchAsync(db, active, building.Activate, () => DeactivateAsync(db, building, ct), ct);
    }

    /// <summary>Deletes a building without rooms; one with rooms is deactivated, and its rooms with it.</summary>
    public async Task<RemoveResult> RemoveBuildingAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var building = await db.Buildings.SingleOrDefaultAsync(b => b.Id == id, ct) ?? throw RegistryRules.NotFound();
        var references = new RegistryReferences(Rooms: await db.Rooms.CountAsync(r => r.BuildingId == id, ct));
        return await RemoveAsync(db, references, () => db.Buildings.Remove(building), () => DeactivateAsync(db, building, ct), ct);
    }

    public async Task<Guid> CreateRoomAsync(Actor actor, RoomInput input, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var room = new Room(input.OpdId, input.BuildingId, input.Name, input.Floor, input.Type, input.AreaSquareMeters, input.Occupancy, input.IsAirConditioned, ToiletFor(input));
        await CheckFitsAsync(db, room, ct);
        db.Rooms.Add(room);
        await RegistryRules.SaveAsync(db, ct);
        return room.Id;
    }

    public async Task UpdateRoomAsync(Actor actor, Guid id, int version, RoomInput input, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw RegistryRules.NotFound();
        RegistryRules.Unchanged(room, version);
        var inspected = await db.RoomInspections.AnyAsync(i => i.RoomId == id, ct);
        RegistryRules.InspectedRoomKeepsItsPlace(room, inspected, input.OpdId, input.BuildingId, input.Floor, input.Type);
        room.Update(input.OpdId, input.BuildingId, input.Name, input.Floor, input.Type, input.AreaSquareMeters, input.Occupancy, input.IsAirConditioned, ToiletFor(input));
        await CheckFitsAsync(db, room, ct);
        await RegistryRules.SaveAsync(db, ct);
    }

    /// <summary>Takes a room added during a visit into the registry with the details the administrator filled in.</summary>
    public async Task ConfirmRoomAsync(Actor actor, Guid id, int version, RoomInput input, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw RegistryRules.NotFound();
        RegistryRules.Unchanged(room, version);
        room.Update(input.OpdId, input.BuildingId, input.Name, input.Floor, input.Type, input.AreaSquareMeters, input.Occupancy, input.IsAirConditioned, ToiletFor(input));
        room.Confirm();
        await CheckFitsAsync(db, room, ct);
        await RegistryRules.SaveAsync(db, ct);
    }

    /// <summary>A room is switched on only inside an active OPD and building.</summary>
    public async Task<ActiveResult> SetRoomActiveAsync(Actor actor, Guid id, bool active, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw RegistryRules.NotFound();
        if (active)
        {
            room.Activate();
            await CheckFitsAsync(db, room, ct);
        }
        else
        {
            room.Deactivate();
        }

        await RegistryRules.SaveAsync(db, ct);
        return new ActiveResult(active, 0);
    }

    /// <summary>Deletes a room no visit inspected and no finding names; otherwise deactivates it.</summary>
    public async Task<RemoveResult> RemoveRoomAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, Changing);
        await using var db = await WriterAsync(actor, ct);
        var room = await db.Rooms.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw RegistryRules.NotFound();
        var references = new RegistryReferences(
            Inspections: await db.RoomInspections.CountAsync(i => i.RoomId == id, ct),
            Findings: await db.Findings.CountAsync(f => f.RoomId == id, ct));
        return await RemoveAsync(
            db,
            references,
            () => db.Rooms.Remove(room),
            () =>
            {
                room.Deactivate();
                return Task.FromResult(0);
            },
            ct);
    }

    internal static IQueryable<RoomRow> RowsOf(BalaiKotaDbContext db, IQueryable<Room> rooms) =>
        from r in rooms
        join o in db.Opds on r.OpdId equals o.Id
        join b in db.Buildings on r.BuildingId equals b.Id
        select new RoomRow(r.Id, r.OpdId, o.ShortName, o.Name, r.BuildingId, b.Name, r.Name, r.Floor, r.Type, r.AreaSquareMeters, r.Occupancy, r.IsAirConditioned, r.ToiletFor, r.IsActive, r.NeedsConfirmation, r.Version);

    /// <summary>A toilet's users only for a toilet: the form may keep a choice made before the type changed.</summary>
    private static ToiletUsers? ToiletFor(RoomInput input) => input.Type == RoomType.Toilet ? input.ToiletFor : null;

    private static async Task CheckFitsAsync(BalaiKotaDbContext db, Room room, CancellationToken ct)
    {
        var opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == room.OpdId, ct);
        var building = await db.Buildings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == room.BuildingId, ct);
        var others = await db.Rooms.AsNoTracking().Where(r => r.OpdId == room.OpdId && r.BuildingId == room.BuildingId && r.Floor == room.Floor && r.Id != room.Id).ToListAsync(ct);
        RegistryRules.RoomFits(room, opd, building, others);
    }

    private static async Task<int> DeactivateAsync(BalaiKotaDbContext db, Opd opd, CancellationToken ct)
    {
        opd.Deactivate();
        return RegistryRules.DeactivateRooms(await db.Rooms.Where(r => r.OpdId == opd.Id).ToListAsync(ct));
    }

    private static async Task<int> DeactivateAsync(BalaiKotaDbContext db, Building building, CancellationToken ct)
    {
        building.Deactivate();
        return RegistryRules.DeactivateRooms(await db.Rooms.Where(r => r.BuildingId == building.Id).ToListAsync(ct));
    }

    private static async Task<ActiveResult> SwitchAsync(BalaiKotaDbContext db, bool active, Action activate, Func<Task<int>> deactivate, CancellationToken ct)
    {
        var rooms = 0;
        if (active)
        {
            activate();
        }
        else
        {
            rooms = await deactivate();
        }

        await RegistryRules.SaveAsync(db, ct);
        return new ActiveResult(active, rooms);
    }

    private static async Task<RemoveResult> RemoveAsync(BalaiKotaDbContext db, RegistryReferences references, Action delete, Func<Task<int>> deactivate, CancellationToken ct)
    {
        var rooms = 0;
        if (references.Any)
        {
            rooms = await deactivate();
        }
        else
        {
            delete();
        }

        await RegistryRules.SaveAsync(db, ct);
        return new RemoveResult(references.Any ? RemoveOutcome.Deactivated : RemoveOutcome.Deleted, references, rooms);
    }

    private async Task<BalaiKotaDbContext> WriterAsync(Actor actor, CancellationToken ct)
    {
        var db = await contexts.CreateDbContextAsync(ct);
        db.ActingUserId = actor.UserId;
        return db;
    }
}
