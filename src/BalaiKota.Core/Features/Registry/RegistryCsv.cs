using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using CsvHelper;

namespace BalaiKota.Core.Features.Registry;

/// <summary>The three registry files: OPDs, buildings, rooms.</summary>
public enum RegistryKind
{
    Opds,
    Buildings,
    Rooms,
}

/// <summary>A column of a registry file: its Indonesian header (what the export writes) and the English one an import also accepts.</summary>
internal sealed record RegistryColumn(string Header, string EnglishHeader, bool Required);

/// <summary>One data row of an uploaded file, by column, with the line of the file it starts on.</summary>
internal sealed record CsvLine(int Line, IReadOnlyDictionary<RegistryColumn, string> Fields)
{
    public string this[RegistryColumn column] => Fields.TryGetValue(column, out var value) ? value : string.Empty;
}

/// <summary>
/// Reads registry files as people save them from a spreadsheet: UTF-8 with or without a byte order mark, comma or
/// semicolon between fields (Excel in id-ID writes semicolons), a decimal comma or dot, headers in Indonesian or
/// English, and the words the export writes (Ya/Tidak, Ruang kerja…) as well as their English and code names.
/// </summary>
internal static class RegistryCsv
{
    /// <summary>A city hall's registry is a few hundred kilobytes at most; a larger upload is almost surely the wrong file.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static readonly RegistryColumn OpdShortName = new("Singkatan", "Short name", true);
    public static readonly RegistryColumn OpdName = new("Nama OPD", "OPD name", true);
    public static readonly RegistryColumn OpdKindColumn = new("Jenis", "Kind", true);
    public static readonly RegistryColumn OpdMen = new("Pegawai pria", "Male staff", true);
    public static readonly RegistryColumn OpdWomen = new("Pegawai wanita", "Female staff", true);

    public static readonly RegistryColumn BuildingName = new("Nama gedung", "Building name", true);
    public static readonly RegistryColumn BuildingFloors = new("Jumlah lantai", "Floors", true);
    public static readonly RegistryColumn BuildingAddress = new("Alamat", "Address", false);

    public static readonly RegistryColumn RoomOpd = new("OPD", "OPD", true);
    public static readonly RegistryColumn RoomBuilding = new("Gedung", "Building", true);
    public static readonly RegistryColumn RoomFloor = new("Lantai", "Floor", true);
    public static readonly RegistryColumn RoomName = new("Nama ruangan", "Room name", true);
    public static readonly RegistryColumn RoomTypeColumn = new("Jenis ruangan", "Room type", true);
    public static readonly RegistryColumn RoomArea = new("Luas (m²)", "Area (m²)", false);
    public static readonly RegistryColumn RoomOccupancy = new("Penghuni", "Occupancy", false);
    public static readonly RegistryColumn RoomAirConditioned = new("Ber-AC", "Air-conditioned", false);
    public static readonly RegistryColumn RoomToiletFor = new("Toilet untuk", "Toilet for", false);

    /// <summary>Absent means active: a new list of rooms need not say so on every line.</summary>
    public static readonly RegistryColumn Active = new("Aktif", "Active", false);

    public static IReadOnlyList<RegistryColumn> ColumnsOf(RegistryKind kind) => kind switch
    {
        RegistryKind.Opds => [OpdShortName, OpdName, OpdKindColumn, OpdMen, OpdWomen, Active],
        RegistryKind.Buildings => [BuildingName, BuildingFloors, BuildingAddress, Active],
        _ => [RoomOpd, RoomBuilding, RoomFloor, RoomName, RoomTypeColumn, RoomArea, RoomOccupancy, RoomAirConditioned, RoomToiletFor, Active],
    };

    public static string FileName(RegistryKind kind) => kind switch
    {
        RegistryKind.Opds => "opd",
        RegistryKind.Buildings => "gedung",
        _ => "ruangan",
    };

    public static string Yes(bool value) => value ? "Ya" : "Tidak";

    public static string TypeName(RoomType type) => ReportWords.Name(type, ReportLanguage.Indonesian);

    public static string? ToiletName(ToiletUsers? users) => users switch
    {
        ToiletUsers.Men => "Pria",
        ToiletUsers.Women => "Wanita",
        ToiletUsers.All => "Semua",
        _ => null,
    };

    /// <summary>The data rows, or the errors that make the whole file unreadable (a missing column, broken quoting, no rows).</summary>
    public static IReadOnlyList<CsvLine> Read(RegistryKind kind, byte[] content, List<ImportError> errors)
    {
        var columns = ColumnsOf(kind);
        var lines = new List<CsvLine>();
        try
        {
            using var csv = CsvReader.Create(content, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw });
            var headers = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
            var index = new Dictionary<RegistryColumn, int>();
            foreach (var column in columns)
            {
                var at = headers.FindIndex(h => RegistryRules.SameKey(h, column.Header) || RegistryRules.SameKey(h, column.EnglishHeader));
                if (at >= 0)
                {
                    index[column] = at;
                }
                else if (column.Required)
                {
                    errors.Add(new ImportError(1, column.Header, null, "import.missingColumn", "Kolom ini tidak ada di baris judul berkas."));
                }
            }

            if (errors.Count > 0)
            {
                return [];
            }

            while (csv.Read())
            {
                var fields = index.ToDictionary(c => c.Key, c => Unescape(c.Value < csv.FieldCount ? csv.GetString(c.Value).Trim() : string.Empty));
                if (fields.Values.Any(v => v.Length > 0))
                {
                    lines.Add(new CsvLine((int)csv.LineNumber, fields));
                }
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new ImportError(1, null, null, "import.malformed", "Berkas ini bukan CSV yang terbaca (tanda kutip tidak berpasangan?). Simpan ulang dari spreadsheet sebagai CSV."));
            return [];
        }

        if (lines.Count == 0)
        {
            errors.Add(new ImportError(1, null, null, "import.empty", "Berkas ini tidak berisi baris data di bawah baris judul."));
        }

        return lines;
    }

    public static bool TryInt(string text, out int value) => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>A decimal written with a comma (id-ID) or a dot; thousands separators are not read, as an area needs none.</summary>
    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static bool? ReadYes(string text) => text.Trim().ToUpperInvariant() switch
    {
        "YA" or "Y" or "YES" or "TRUE" or "1" => true,
        "TIDAK" or "T" or "N" or "NO" or "FALSE" or "0" => false,
        _ => null,
    };

    public static RoomType? ReadType(string text) =>
        Enum.GetValues<RoomType>().Cast<RoomType?>().FirstOrDefault(t =>
            RegistryRules.SameKey(text, t!.Value.ToString()) || RegistryRules.SameKey(text, TypeName(t.Value)) || RegistryRules.SameKey(text, ReportWords.Name(t.Value, ReportLanguage.English)));

    public static OpdKind? ReadKind(string text) =>
        Enum.GetValues<OpdKind>().Cast<OpdKind?>().FirstOrDefault(k => RegistryRules.SameKey(text, k!.Value.ToString()));

    public static ToiletUsers? ReadToilet(string text) =>
        Enum.GetValues<ToiletUsers>().Cast<ToiletUsers?>().FirstOrDefault(u =>
            RegistryRules.SameKey(text, u!.Value.ToString()) || RegistryRules.SameKey(text, ToiletName(u)!) || (u == ToiletUsers.All && RegistryRules.SameKey(text, "Everyone")));

    /// <summary>Takes off the apostrophe the export puts before a text that a spreadsheet would run as a formula.</summary>
    private static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && "=@+-\t\r".Contains(value[1], StringComparison.Ordinal) ? value[1..] : value;
}
