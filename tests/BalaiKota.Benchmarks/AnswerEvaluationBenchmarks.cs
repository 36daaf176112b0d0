using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BenchmarkDotNet.Attributes;

namespace BalaiKota.Benchmarks;

/// <summary>Every keystroke in a reading field evaluates the answer; this is that cost.</summary>
[MemoryDiagnoser]
public class AnswerEvaluationBenchmarks
{
    private readonly EvaluationContext _context = new(85);
    private ChecklistItem _temperature = default!;
    private ChecklistItem _closets = default!;
    private ChecklistItem _rating = default!;

    [GlobalSetup]
    public void Setup()
    {
        var template = DefaultChecklist.Build();
        _temperature = template.Items.Single(i => i.Code == "HEAT-WORK");
        _closets = template.Items.Single(i => i.Code == "TOI-CLOSETS");
        _rating = template.Items.Single(i => i.Code == "TOI-CLEAN");
    }

    [Benchmark]
    public AnswerOutcome Reading() => _temperature.Evaluate(AnswerInput.Reading(27.5m));

    [Benchmark]
    public AnswerOutcome ClosetsForHeadcount() => _closets.Evaluate(AnswerInput.Reading(5), _context);

    [Benchmark]
    public AnswerOutcome Rating() => _rating.Evaluate(AnswerInput.Rating(3));
}
