using System.Globalization;
using BalaiKota.Core.Data;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using BalaiKota.Core.Features.Reports;
using Microsoft.EntityFrameworkCore;

namespace BalaiKota.Core.Features.Registry;

/// <summary>
/// The rooms' door labels: which buildings and floors have rooms to label, the labels of a building or one of its
/// floors for the printed sheet, and one room's label for its QR code on screen. Administrators only.
/// </summary>
public sealed class RoomLabelService(IDbContextFactory<BalaiKotaDbContext> contexts, TimeProvider clock)
{
    public const string BuildingNotFoundCode = "labels.buildingNotFound";
    public const string RoomNotFoundCode = "labels.roomNotFound";
    public const string NoRoomsCode = "labels.noRooms";

    private const string What = "mencetak label QR ruangan";

    /// <summary>
    /// The page a room's QR code opens, under <paramref name="baseUrl"/> (the app's public address, which may have a
    /// path of its own behind a reverse proxy).
    /// </summary>
    public static Uri InspectUrl(Uri baseUrl, Guid roomId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The base address of a QR code must be an absolute http or https address.", nameof(baseUrl));
        }

        var root = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.GetLeftPart(UriPartial.Path) + "/");
        return new Uri(root, string.Create(CultureInfo.InvariantCulture, $"rooms/{roomId:D}/inspect"));
    }

    /// <summary>Active buildings, and any other that still has active rooms, by name; each with the floors that have active rooms.</summary>
    public async Task<IReadOnlyList<RoomLabelBuilding>> BuildingsAsync(Actor actor, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var floors = await db.Rooms.AsNoTracking().Where(r => r.IsActive).Select(r => new { r.BuildingId, r.Floor }).Distinct().ToListAsync(ct);
        var withRooms = floors.Select(f => f.BuildingId).ToHashSet();
        var buildings = await db.Buildings.AsNoTracking().Select(b => new { b.Id, b.Name, b.IsActive }).ToListAsync(ct);
        return [.. buildings
            .Where(b => b.IsActive || withRooms.Contains(b.Id))
            .OrderBy(b => b.Name, NameOrder(ReportLanguage.Indonesian))
            .Select(b => new RoomLabelBuilding(b.Id, b.Name, [.. floors.Where(f => f.BuildingId == b.Id).Select(f => f.Floor).Order()]))];
    }

    /// <summary>The labels of the active rooms of a building, or of one floor of it, by floor and then by name.</summary>
    /// <exception cref="DomainException">The building is not known, or the selection has no active room to label.</exception>
    public async Task<RoomLabelSheetModel> SheetAsync(Actor actor, Guid buildingId, int? floor, Uri baseUrl, ReportLanguage language, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var building = await db.Buildings.AsNoTracking().Where(b => b.Id == buildingId).Select(b => b.Name).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(BuildingNotFoundCode, "Gedung tidak ditemukan. Pilih gedung dari daftar, lalu coba lagi.");
        var rooms = db.Rooms.AsNoTracking().Where(r => r.BuildingId == buildingId && r.IsActive);
        if (floor is { } only)
        {
            rooms = rooms.Where(r => r.Floor == only);
        }

        var labels = await LabelsAsync(db, rooms, baseUrl, ct);
        if (labels.Count == 0)
        {
            throw new DomainException(NoRoomsCode, floor is { } f
                ? $"Lantai {f} {building} tidak punya ruangan aktif, jadi tidak ada label untuk dicetak."
                : $"{building} tidak punya ruangan aktif, jadi tidak ada label untuk dicetak.");
        }

        var order = NameOrder(language);
        return new RoomLabelSheetModel(language, building, floor, clock.GetUtcNow().UtcDateTime, [.. labels.OrderBy(l => l.Floor).ThenBy(l => l.RoomName, order)]);
    }

    /// <summary>One room's label, active or not: what its QR code on screen shows and which floor's sheet it is on.</summary>
    /// <exception cref="DomainException">The room is not known.</exception>
    public async Task<RoomLabel> RoomAsync(Actor actor, Guid roomId, Uri baseUrl, CancellationToken ct = default)
    {
        AdminAccess.Require(actor, What);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var labels = await LabelsAsync(db, db.Rooms.AsNoTracking().Where(r => r.Id == roomId), baseUrl, ct);
        return labels.Count == 1 ? labels[0] : throw new DomainException(RoomNotFoundCode, "Ruangan tidak ditemukan.");
    }

    private static async Task<List<RoomLabel>> LabelsAsync(BalaiKotaDbContext db, IQueryable<Room> rooms, Uri baseUrl, CancellationToken ct)
    {
        var rows = await (from r in rooms
                          join o in db.Opds on r.OpdId equals o.Id
                          join b in db.Buildings on r.BuildingId equals b.Id
                          select new { r.Id, r.Name, Opd = o.Name, o.ShortName, r.BuildingId, Building = b.Name, r.Floor, r.IsActive })
            .ToListAsync(ct);
        return [.. rows.Select(r => new RoomLabel(r.Id, r.Name, r.Opd, r.ShortName, r.BuildingId, r.Building, r.Floor, InspectUrl(baseUrl, r.Id), r.IsActive))];
    }

    /// <summary>Names as a person sorts them, the same on both databases: "Ruang 2" before "Ruang 10", case ignored.</summary>
    private static StringComparer NameOrder(ReportLanguage language) =>
        StringComparer.Create(ReportCulture.Of(language), CompareOptions.IgnoreCase | CompareOptions.NumericOrdering);
}
