using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Pdf;

namespace BalaiKota.Reporting.Documents;

/// <summary>"Laporan Hasil Peninjauan" / "Facility Inspection Report": one submitted visit, room by room, signed.</summary>
public static class VisitReportDocument
{
    public static byte[] Render(VisitReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = ReportText.For(model.Language);
        var options = new PdfReportOptions(text.VisitTitle, text.Format(text.VisitSubject, model.OpdName, text.Date(model.VisitDate)), model.Language, model.GeneratedAtUtc);
        using var report = new PdfReport(options);
        TitleBlock(report, model);
        Summary(report, model.Summary);
        Rooms(report, model.Rooms);
        Findings(report, model.Findings);
        Tasks(report, model.Tasks);
        Signatures(report, model);
        return report.ToPdf();
    }

    private static void TitleBlock(PdfReport report, VisitReportModel model)
    {
        var text = report.Text;
        report.Paragraph(text.VisitTitle, TextKind.Title).Paragraph(model.OpdName, TextKind.Subtitle).Spacer(6);
        var officials = model.Officials.Select(o => o.Position is { Length: > 0 } position ? $"{o.Name} ({position})" : o.Name).ToList();
        report.KeyValues(
        [
            (text.Opd, model.OpdName),
            (text.VisitDate, text.Date(model.VisitDate)),
            (text.LeadInspector, model.LeadInspectorName),
            (text.Team, model.TeamNames.Count == 0 ? ReportText.Missing : string.Join(", ", model.TeamNames)),
            (text.Officials, officials.Count == 0 ? ReportText.Missing : string.Join("\n", officials)),
            (text.Template, text.Format(text.TemplateVersion, model.TemplateName, model.TemplateVersion)),
            (text.SubmittedAt, text.DateTime(model.SubmittedAtUtc) + " WIB"),
        ]);
    }

    private static void Summary(PdfReport report, VisitReportSummary summary)
    {
        var text = report.Text;
        report.Heading(text.Summary);
        report.KeyValues(
        [
            (text.RoomsInspected, text.Number(summary.Rooms)),
            (text.ItemsAnswered, text.Number(summary.Items)),
            (text.Name(Core.Domain.AnswerOutcome.Ok), text.Number(summary.Ok)),
            (text.Name(Core.Domain.AnswerOutcome.NotOk), text.Number(summary.NotOk)),
            (text.Name(Core.Domain.AnswerOutcome.NotApplicable), text.Number(summary.NotApplicable)),
            (text.Name(Core.Domain.AnswerOutcome.NotInspected), text.Number(summary.NotInspected)),
            (text.AdHocFindings, text.Number(summary.AdHocFindings)),
        ]);
        if (summary.NotOkByArea.Count > 0)
        {
            report.Heading(text.NotOkByArea, 3);
            report.Table(
                [new TableColumn(text.Area, 3), new TableColumn(text.Count, 1, TextAlignment.Right)],
                summary.NotOkByArea.Select(a => (IReadOnlyList<TableCell>)[text.Name(a.Area), text.Number(a.Count)]));
        }
    }

    private static void Rooms(PdfReport report, IReadOnlyList<VisitReportRoom> rooms)
    {
        var text = report.Text;
        report.Heading(text.RoomResults);
        foreach (var room in rooms)
        {
            report.Heading(text.Format(text.RoomHeading, room.Name, room.BuildingName, room.Floor, text.Name(room.Type)), 2);
            report.Table(
                [new TableColumn(text.Item, 5), new TableColumn(text.AnswerReading, 2), new TableColumn(text.Standard, 3), new TableColumn(text.Outcome, 1.6f)],
                room.Answers.Select(a => (IReadOnlyList<TableCell>)
                [
                    new TableCell(a.Item, a.Note is { Length: > 0 } note ? text.Format(text.Note, note) : null),
                    a.Reading ?? ReportText.Missing,
                    new TableCell(a.Standard.Length > 0 ? a.Standard : ReportText.Missing, a.Source.Length > 0 ? a.Source : null),
                    new TableCell(text.Name(a.Outcome), Strong: a.Outcome == Core.Domain.AnswerOutcome.NotOk),
                ]));
        }
    }

    private static void Findings(PdfReport report, IReadOnlyList<VisitReportFinding> findings)
    {
        var text = report.Text;
        report.Heading(text.Findings);
        if (findings.Count == 0)
        {
            report.Paragraph(text.None);
            return;
        }

        foreach (var finding in findings)
        {
            report.KeepTogether(r => r
                .Heading(text.Format(text.FindingHeading, finding.Number, text.Name(finding.Severity)), 3)
                .KeyValues(
                [
                    (text.Room, finding.RoomName),
                    (text.Area, text.Name(finding.Area)),
                    (text.SeverityLabel, text.Name(finding.Severity)),
                    (text.Item, finding.Item ?? text.AdHoc),
                    (text.Description, finding.Description),
                ]));
            report.PhotoGrid(finding.Photos, 3);
        }
    }

    private static void Tasks(PdfReport report, IReadOnlyList<VisitReportTask> tasks)
    {
        var text = report.Text;
        report.Heading(text.FollowUps);
        if (tasks.Count == 0)
        {
            report.Paragraph(text.None);
            return;
        }

        report.Table(
            [new TableColumn(text.FindingNumber, 1.2f, TextAlignment.Right), new TableColumn(text.Description, 5.2f), new TableColumn(text.Status, 2.6f), new TableColumn(text.Unit, 2.6f), new TableColumn(text.DueDate, 1.8f)],
            tasks.Select(t => (IReadOnlyList<TableCell>)
            [
                text.Number(t.FindingNumber),
                t.Description,
                text.Name(t.Status),
                t.UnitName ?? text.AwaitingTriage,
                text.ShortDate(t.DueDate),
            ]));
    }

    private static void Signatures(PdfReport report, VisitReportModel model)
    {
        var text = report.Text;
        report.KeepTogether(r => r
            .Heading(text.Signatures)
            .Columns(
                column => Signature(column, text.LeadSignatureRole, model.LeadSignature),
                column => Signature(column, text.OpdSignatureRole, model.OpdSignature)));
    }

    private static void Signature(PdfReport column, string role, VisitReportSignature signature)
    {
        var text = column.Text;
        column.Paragraph(role, TextKind.Strong);
        if (signature.Png is { } png)
        {
            column.Image(png, maxHeight: 60);
        }
        else
        {
            column.Rule(52, 0.8f).Paragraph(text.NotSigned, TextKind.Muted);
        }

        column.Paragraph(signature.SignerName, TextKind.Strong);
        if (signature.Position is { Length: > 0 } position)
        {
            column.Paragraph(position);
        }

        if (signature.SignedAtUtc is { } signedAt)
        {
            column.Paragraph(text.Format(text.SignedAt, text.DateTime(signedAt)), TextKind.Muted);
        }
    }
}
