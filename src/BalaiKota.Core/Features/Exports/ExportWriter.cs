using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace BalaiKota.Core.Features.Exports;

/// <summary>What a column holds: text, a number, a date, or a WIB time of day on a date.</summary>
internal enum CellKind
{
    Text,
    Number,
    Date,
    Time,
}

/// <summary>One column of an export: its header in the export's language, what it holds, its width in characters and its value for a row.</summary>
internal sealed record ExportColumn<T>(string Header, CellKind Kind, double Width, Func<T, object?> Value);

/// <summary>
/// Writes rows as a CSV for Indonesian Excel or as an XLSX (see docs/adr/0008-exports-csv-and-xlsx.md): the CSV is UTF-8 with
/// a byte order mark, semicolon-separated, CRLF, decimal comma, ISO dates, and cells that a spreadsheet would run as a
/// formula are neutralised; the XLSX holds real dates and numbers under a header row with a filter.
/// </summary>
internal static class ExportWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static ExportFile Write<T>(ExportFormat format, string name, string sheet, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows) => format switch
    {
        ExportFormat.Csv => new ExportFile(name + ".csv", CsvContentType, Csv(columns, rows)),
        _ => new ExportFile(name + ".xlsx", XlsxContentType, Xlsx(sheet, columns, rows)),
    };

    private static byte[] Csv<T>(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        // Injection protection applies to text only: numbers and dates written as such (-1, a basement floor) stay numbers.
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = Indonesian };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteHeader([.. columns.Select(c => c.Header)]);
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    WriteCsvField(csv, column.Value(row));
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static void WriteCsvField(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case DateOnly day:
                csv.WriteField(day, "yyyy-MM-dd");
                break;
            case DateTime time:
                // A quoted colon: the Indonesian time separator is a full stop, which Excel would not read as a time.
                csv.WriteField(time, "yyyy-MM-dd HH':'mm");
                break;
            case int number:
                csv.WriteField(number, string.Empty);
                break;
            case decimal number:
                csv.WriteField(number, "0.##");
                break;
            default:
                csv.WriteField(value?.ToString());
                break;
        }
    }

    private static byte[] Xlsx<T>(string sheet, IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        // A table rather than dictionaries: it carries the header row and the column types even when there are no rows.
        using var table = new DataTable(sheet) { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            table.Columns.Add(column.Header, column.Kind switch
            {
                CellKind.Number => typeof(decimal),
                CellKind.Date or CellKind.Time => typeof(DateTime),
                _ => typeof(string),
            });
        }

        foreach (var row in rows)
        {
            table.Rows.Add(columns.Select(c => XlsxValue(c.Value(row))).ToArray());
        }

        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns = columns.Select(c => new DynamicExcelColumn(c.Header)
            {
                Width = c.Width,
                Format = c.Kind switch
                {
                    CellKind.Date => "yyyy-MM-dd",
                    CellKind.Time => "yyyy-MM-dd HH:mm",
                    _ => null,
                },
            }).ToArray(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: sheet, excelType: ExcelType.XLSX, configuration: configuration);
        return stream.ToArray();
    }

    private static object XlsxValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly day => day.ToDateTime(TimeOnly.MinValue),
        int number => (decimal)number,
        _ => value,
    };
}
