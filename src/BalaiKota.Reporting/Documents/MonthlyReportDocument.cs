using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Reporting.Pdf;

namespace BalaiKota.Reporting.Documents;

/// <summary>
/// "Laporan Bulanan Peninjauan Fasilitas" / "Monthly Facility Inspection Report": key figures, charts, the OPD
/// ranking and the lists leadership acts on, then an appendix with every finding and task of the month.
/// </summary>
public static class MonthlyReportDocument
{
    /// <summary>Beyond this many OPDs the findings-by-OPD bars are drawn horizontally, so their names stay readable.</summary>
    private const int VerticalBarLimit = 8;

    public static byte[] Render(MonthlyReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = ReportText.For(model.Language);
        var month = text.Month(model.Year, model.Month);
        var options = new PdfReportOptions(text.MonthlyTitle, text.Format(text.MonthlySubject, model.OpdName ?? text.AllOpds, month), model.Language, model.GeneratedAtUtc);
        using var report = new PdfReport(options);
        Cover(report, model, month);
        if (model.HasVisits)
        {
            KeyFigures(report, model);
            Charts(report, model);
            Lists(report, model);
            VerifiedRepairs(report, model.VerifiedRepairs);
            Appendix(report, model);
        }
        else
        {
            NoVisits(report, model, month);
        }

        return report.ToPdf();
    }

    private static void Cover(PdfReport report, MonthlyReportModel model, string month)
    {
        var text = report.Text;
        report.Spacer(170)
            .Paragraph(ReportText.Government.ToUpperInvariant(), TextKind.Strong, TextAlignment.Center)
            .Spacer(24)
            .Paragraph(text.MonthlyTitle, TextKind.Title, TextAlignment.Center)
            .Spacer(10)
            .Paragraph(month, TextKind.Subtitle, TextAlignment.Center)
            .Paragraph(model.OpdName ?? text.AllOpds, TextKind.Subtitle, TextAlignment.Center)
            .Spacer(40)
            .Paragraph(text.Format(text.GeneratedAt, text.DateTime(model.GeneratedAtUtc)), TextKind.Muted, TextAlignment.Center)
            .PageBreak();
    }

    private static void NoVisits(PdfReport report, MonthlyReportModel model, string month)
    {
        var text = report.Text;
        report.Heading(text.KeyFigures)
            .Paragraph(text.Format(text.NoVisits, month), TextKind.Strong)
            .Paragraph(text.NoVisitsDetail);
        var (current, previous) = (model.Current, model.Previous);
        report.Table(FigureColumns(text),
        [
            Figure(text, text.TasksOpened, current.TasksOpened, previous.TasksOpened),
            Figure(text, text.TasksClosed, current.TasksClosed, previous.TasksClosed),
            Figure(text, text.TasksOverdue, current.TasksOverdue, previous.TasksOverdue),
        ]);
        if (model.OverdueTasks.Count > 0)
        {
            OverdueTasks(report, model.OverdueTasks);
        }
    }

    private static void KeyFigures(PdfReport report, MonthlyReportModel model)
    {
        var text = report.Text;
        var (current, previous) = (model.Current, model.Previous);
        List<IReadOnlyList<TableCell>> rows =
        [
            Figure(text, text.Visits, current.Visits, previous.Visits),
            Figure(text, text.Opds, current.Opds, previous.Opds),
            Figure(text, text.Rooms, current.Rooms, previous.Rooms),
            Figure(text, text.FindingsTotal, current.Findings, previous.Findings),
        ];
        foreach (var severity in Enum.GetValues<Severity>())
        {
            rows.Add(Figure(text, text.Format(text.FindingsOfSeverity, text.Name(severity).ToLower(text.Culture)), CountOf(current, severity), CountOf(previous, severity)));
        }

        rows.Add(Figure(text, text.TasksOpened, current.TasksOpened, previous.TasksOpened));
        rows.Add(Figure(text, text.TasksClosed, current.TasksClosed, previous.TasksClosed));
        rows.Add(Figure(text, text.TasksOverdue, current.TasksOverdue, previous.TasksOverdue));
        rows.Add([text.MedianDaysToClose, text.Number(current.MedianDaysToClose), text.Number(previous.MedianDaysToClose), Change(current.MedianDaysToClose, previous.MedianDaysToClose, v => text.Number(v))]);
        rows.Add([text.ComfortIndex, text.Percentage(current.ComfortIndex), text.Percentage(previous.ComfortIndex), Change(current.ComfortIndex * 100, previous.ComfortIndex * 100, v => text.Format("{0:0.0}", v))]);
        report.Heading(text.KeyFigures).Table(FigureColumns(text), rows);
    }

    private static void Charts(PdfReport report, MonthlyReportModel model)
    {
        var text = report.Text;
        report.Heading(text.Charts);
        report.Chart(ReportCharts.Bars(text.FindingsByArea, [.. model.FindingsByArea.Select(a => (text.Name(a.Area), (double)a.Count))], horizontal: false, v => text.Number((int)v)), 210);
        var byOpd = model.FindingsByOpd.Select(o => (o.OpdShortName, (double)o.Count)).ToList();
        var manyOpds = byOpd.Count > VerticalBarLimit;
        report.Chart(ReportCharts.Bars(text.FindingsByOpd, byOpd, manyOpds, v => text.Number((int)v)), manyOpds ? 40 + (byOpd.Count * 16) : 210);
        var trend = model.Trend.Select(t => (text.ShortMonth(t.Year, t.Month), t)).ToList();
        report.Chart(ReportCharts.Bars(text.FindingsTrend, [.. trend.Select(t => (t.Item1, (double)t.t.Findings))], horizontal: false, v => text.Number((int)v)), 210);
        report.Chart(ReportCharts.Trend(text.ComfortTrend, [.. trend.Select(t => (t.Item1, t.t.ComfortIndex * 100))], 100), 190);
        var comfort = model.Ranking.Where(r => r.ComfortIndex is not null).Select(r => (r.OpdShortName, r.ComfortIndex!.Value * 100)).ToList();
        if (comfort.Count > 0)
        {
            report.Chart(ReportCharts.Bars(text.ComfortByOpd, comfort, horizontal: true, v => text.Format("{0:0}", v)), 40 + (comfort.Count * 16));
        }
    }

    private static void Lists(PdfReport report, MonthlyReportModel model)
    {
        var text = report.Text;
        report.Heading(text.Ranking).Paragraph(text.RankingNote, TextKind.Muted);
        report.Table(
            [Right(text.Rank, 1), new TableColumn(text.Opd, 5), Right(text.Visits, 1.5f), Right(text.Rooms, 1.5f), Right(text.FindingsTotal, 1.5f), Right(text.ComfortIndex, 2), Right(text.OpenTasks, 1.4f), Right(text.OverdueTasksShort, 1.6f)],
            model.Ranking.Select(r => (IReadOnlyList<TableCell>)[text.Number(r.Rank), r.OpdName, text.Number(r.Visits), text.Number(r.Rooms), text.Number(r.Findings), text.Percentage(r.ComfortIndex), text.Number(r.OpenTasks), text.Number(r.OverdueTasks)]));
        Readings(report, text.HottestRooms, model.HottestRooms);
        Readings(report, text.HighestCo2, model.HighestCo2Rooms);
        report.Heading(text.RepeatFindings);
        NoneOr(report, model.RepeatFindings, rows => report.Table(
            [new TableColumn(text.Room, 3), new TableColumn(text.Opd, 2.2f), new TableColumn(text.Item, 3.5f), new TableColumn(text.PreviousVisit, 2.2f), new TableColumn(text.ThisVisit, 2.2f), Right(text.ConsecutiveVisits, 2.2f)],
            rows.Select(r => (IReadOnlyList<TableCell>)[r.RoomName, r.OpdShortName, r.Item, text.ShortDate(r.PreviousVisitDate), text.ShortDate(r.VisitDate), text.Number(r.ConsecutiveVisits)])));
        OverdueTasks(report, model.OverdueTasks);
    }

    private static void Readings(PdfReport report, string heading, IReadOnlyList<ReadingRow> rows)
    {
        var text = report.Text;
        report.Heading(heading);
        NoneOr(report, rows, list => report.Table(
            [new TableColumn(text.Room, 3.5f), new TableColumn(text.Opd, 2.2f), new TableColumn(text.DateLabel, 2.2f), Right(text.Reading, 2), new TableColumn(text.Standard, 2.2f), new TableColumn(text.Outcome, 1.8f)],
            list.Select(r => (IReadOnlyList<TableCell>)[r.RoomName, r.OpdShortName, text.ShortDate(r.VisitDate), r.Reading, r.Standard, new TableCell(text.Name(r.Outcome), Strong: r.Outcome == AnswerOutcome.NotOk)])));
    }

    private static void OverdueTasks(PdfReport report, IReadOnlyList<OverdueTaskRow> rows)
    {
        var text = report.Text;
        report.Heading(text.OverdueTasks);
        NoneOr(report, rows, list => report.Table(
            [new TableColumn(text.Description, 4.3f), new TableColumn(text.Room, 2.5f), new TableColumn(text.Opd, 2.1f), new TableColumn(text.Unit, 2.6f), new TableColumn(text.DueDate, 2), Right(text.DaysOverdue, 1.7f), new TableColumn(text.Status, 2.8f)],
            list.Select(t => (IReadOnlyList<TableCell>)[t.Description, t.RoomName, t.OpdShortName, t.UnitName ?? text.AwaitingTriage, text.ShortDate(t.DueDate), text.Number(t.DaysOverdue), text.Name(t.Status)])));
    }

    private static void VerifiedRepairs(PdfReport report, IReadOnlyList<RepairPhotoPair> pairs)
    {
        var text = report.Text;
        report.Heading(text.VerifiedRepairs);
        if (pairs.Count == 0)
        {
            report.Paragraph(text.None, TextKind.Muted);
            return;
        }

        foreach (var pair in pairs)
        {
            report.KeepTogether(r => r
                .Paragraph($"{pair.Description} — {pair.RoomName}, {pair.OpdShortName} ({text.Format(text.VerifiedOn, text.Date(pair.VerifiedOn))})", TextKind.Strong)
                .PhotoGrid([pair.Before with { Caption = $"{text.Before}: {pair.Before.Caption}" }, pair.After with { Caption = $"{text.After}: {pair.After.Caption}" }], 2));
        }
    }

    /// <summary>Landscape pages: the full lists are wide and may run to hundreds of rows under a repeating header.</summary>
    private static void Appendix(PdfReport report, MonthlyReportModel model)
    {
        var text = report.Text;
        report.PageBreak(PageOrientation.Landscape).Heading(text.AllFindings);
        NoneOr(report, model.Findings, rows => report.Table(
            [new TableColumn(text.DateLabel, 1.6f), new TableColumn(text.Opd, 1.8f), new TableColumn(text.Room, 3), new TableColumn(text.Area, 1.8f), new TableColumn(text.SeverityLabel, 1.6f), new TableColumn(text.Description, 7), new TableColumn(text.Status, 1.4f)],
            rows.Select(f => (IReadOnlyList<TableCell>)[text.ShortDate(f.VisitDate), f.OpdShortName, f.RoomName, text.Name(f.Area), text.Name(f.Severity), f.Description, text.Name(f.Status)])));
        report.Heading(text.AllTasks);
        NoneOr(report, model.Tasks, rows => report.Table(
            [new TableColumn(text.Description, 6), new TableColumn(text.Room, 3), new TableColumn(text.Opd, 1.8f), new TableColumn(text.Unit, 2.6f), new TableColumn(text.Status, 1.7f), new TableColumn(text.DueDate, 1.6f), new TableColumn(text.Opened, 1.6f), new TableColumn(text.Closed, 1.6f)],
            rows.Select(t => (IReadOnlyList<TableCell>)[t.Description, t.RoomName, t.OpdShortName, t.UnitName ?? text.AwaitingTriage, text.Name(t.Status), text.ShortDate(t.DueDate), text.ShortDate(t.OpenedOn), text.ShortDate(t.ClosedOn)])));
    }

    private static void NoneOr<T>(PdfReport report, IReadOnlyList<T> rows, Action<IReadOnlyList<T>> table)
    {
        if (rows.Count == 0)
        {
            report.Paragraph(report.Text.None, TextKind.Muted);
        }
        else
        {
            table(rows);
        }
    }

    private static TableColumn Right(string header, float width) => new(header, width, TextAlignment.Right);

    private static TableColumn[] FigureColumns(ReportText text) =>
        [new TableColumn(text.Figure, 5), Right(text.ThisMonth, 2), Right(text.PreviousMonth, 2), Right(text.Change, 2)];

    private static IReadOnlyList<TableCell> Figure(ReportText text, string label, int current, int previous) =>
        [label, text.Number(current), text.Number(previous), Change(current, previous, v => text.Number((int)v))];

    private static int CountOf(KeyFigures figures, Severity severity) =>
        figures.FindingsBySeverity.FirstOrDefault(s => s.Severity == severity)?.Count ?? 0;

    /// <summary>The signed difference ("+3", "−1,5"); "–" when either month has no value.</summary>
    private static string Change(double? current, double? previous, Func<double, string> format)
    {
        if (current is not { } now || previous is not { } before)
        {
            return ReportText.Missing;
        }

        var change = now - before;
        return change switch
        {
            > 0 => "+" + format(change),
            < 0 => "−" + format(-change),
            _ => format(0),
        };
    }
}
