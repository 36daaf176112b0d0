using BalaiKota.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/BalaiKota.Benchmarks -- <job>
//   evaluate   BenchmarkDotNet: judging answers against checklist items (the hot path while typing)
//   generate   timing harness: the data generator's 5 years on SQLite (and PostgreSQL when configured)
//   coldstart  timing harness: the run command on an empty database until the first page is served
//   photo      timing harness: a 12-megapixel tablet photo through the photo pipeline (time, memory)
//   answers    timing harness: saving one answer, 20 inspectors at once and one alone, on a year of history (SQLite, PostgreSQL when configured)
//   roomrender timing harness: the room with the most items, all answered: GetRoomAsync, the room page and its answer controls rendered to HTML
//   tasklist   timing harness: the follow-up task list on 5 years (≥ 60,000 tasks), filtered, searched, sorted and paged (SQLite, PostgreSQL when configured)
//   dashboard  timing harness: the dashboard's queries of one page view for a month, quarter and year (whole city hall, one OPD, one building) on 5 years, and the page rendered to HTML, cold and warm (SQLite, PostgreSQL when configured)
//   reports    timing harness: the PDF reports — a busy month (60 visits, 1,500 findings, 300 photos) rendered, its memory in a fresh process, the same month from generated history (SQLite, PostgreSQL when configured), a 5,000-row table's pages per second, a 30-room visit with 40 photos
//   admin      timing harness: a registry of 2,000 new rooms imported from CSV (preview, import, the same file again), a building's QR label sheet, the audit log's page on a million entries, filtered (SQLite, PostgreSQL when configured)
return args.FirstOrDefault() switch
{
    "evaluate" => Run(() => BenchmarkRunner.Run<AnswerEvaluationBenchmarks>(args: args[1..])),
    "generate" => await GeneratorTiming.RunAsync(args[1..]),
    "coldstart" => await ColdStartTiming.RunAsync(args[1..]),
    "photo" => await PhotoTiming.RunAsync(args[1..]),
    "answers" => await AnswerTiming.RunAsync(args[1..]),
    "roomrender" => await RoomRenderTiming.RunAsync(args[1..]),
    "tasklist" => await TaskListTiming.RunAsync(args[1..]),
    "reports" => await ReportTiming.RunAsync(args[1..]),
    "dashboard" => await DashboardTiming.RunAsync(args[1..]),
    "admin" => await AdminTiming.RunAsync(args[1..]),
    _ => Usage(),
};

static int Run(Action benchmark)
{
    benchmark();
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: BalaiKota.Benchmarks evaluate|generate [runs]|coldstart [runs]|photo [runs]|answers [saves per inspector] [months of history] [rounds] [runs, e.g. 1,20,20p]|roomrender [calls] [months of history]|tasklist [calls] [months of history] [visits per month]|reports [runs] [months of history] [visits per month]|dashboard [calls] [months of history] [visits per month]|admin [runs] [new rooms] [audit entries]");
    return 2;
}
