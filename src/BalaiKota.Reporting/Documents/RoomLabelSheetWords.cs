using BalaiKota.Core.Features.Reports;

namespace BalaiKota.Reporting.Documents;

/// <summary>The few fixed words of the label sheet, in the sheet's language; page furniture comes from <see cref="ReportText"/>.</summary>
internal sealed class RoomLabelSheetWords(ReportLanguage language)
{
    public ReportText Text { get; } = ReportText.For(language);

    public string Title(string building, int? floor) => floor is { } f
        ? Text.Format(Pick("Label QR ruangan — {0}, lantai {1}", "Room QR labels — {0}, floor {1}"), building, f)
        : Text.Format(Pick("Label QR ruangan — {0}", "Room QR labels — {0}"), building);

    public string Floor(int floor) => Text.Format(Pick("Lantai {0}", "Floor {0}"), floor);

    /// <summary>Under the label's text: what the code is for, to whoever stands at the door.</summary>
    public string ScanHint => Pick("Pindai kode QR untuk memeriksa ruangan ini di BalaiKota.", "Scan the QR code to inspect this room in BalaiKota.");

    public string Printed(DateTime utc) => Text.Format(Pick("Dicetak {0} WIB · Gunting di sepanjang garis putus-putus.", "Printed {0} WIB · Cut along the dashed lines."), Text.DateTime(utc));

    public string PageOf(int number, int total) => Text.Format(Text.PageOf, number, total);

    private string Pick(string indonesian, string english) => ReportWords.Pick((indonesian, english), language);
}
