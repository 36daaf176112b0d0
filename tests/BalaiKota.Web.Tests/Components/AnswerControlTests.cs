using AngleSharp.Dom;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Features.Visits;
using Bunit;
using Severity = BalaiKota.Core.Domain.Severity;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The walk-through's answer control on the real default checklist, with a save function of the test's own:
/// it records every draft and answers as the inspection service would (saved, conflict, or refused).
/// </summary>
public class AnswerControlTests : ShellContext
{
    private static readonly TimeSpan PastTheTypingPause = TimeSpan.FromSeconds(5);
    private static readonly EvaluationContext Context = new(40);
    private static readonly ChecklistTemplate Checklist = PublishedChecklist();

    // 03.15 UTC is 10.15 WIB.
    private static readonly DateTime SavedAt = new(2026, 3, 10, 3, 15, 0, DateTimeKind.Utc);

    private readonly List<AnswerDraft> _drafts = [];
    private readonly Guid _answerId = Guid.NewGuid();
    private Func<ChecklistItem, AnswerDraft, Task<SaveAnswerResult>> _reply;

    public AnswerControlTests()
    {
        // A saved not-OK answer shows the photo strip, which asks for the inspection service; it is never called here.
        Services.AddInspectionsWithoutDatabase();
        _reply = (item, draft) => Task.FromResult(new SaveAnswerResult(false, Stored(item, draft.Input, draft.BasedOnRevision + 1, "Ani", draft.Note, draft.Severity)));
    }

    [Fact]
    public void NotOkOnAPassFailItemIsSavedAtOnceWithTheItemsDefaultSeverityAndOpensSeverityAndNote()
    {
        var control = RenderItem("SAF-APAR");
        Assert.Empty(control.FindAll("[data-testid=severity-select]"));
        Assert.Empty(control.FindAll("[data-testid=note]"));

        control.Find("button[data-testid=fail]").Click();

        var draft = Assert.Single(_drafts);
        Assert.Equal(AnswerInputKind.Fail, draft.Input.Kind);
        Assert.Equal(0, draft.BasedOnRevision);
        Assert.Equal(Severity.High, draft.Severity);
        Assert.Equal(Item("SAF-APAR").DefaultSeverity, draft.Severity);
        Assert.Equal("Tidak OK", Text(control, "outcome"));
        Assert.Equal("Tersimpan 10.15", Text(control, "save-state"));
        Assert.Equal("true", control.Find("button[data-testid=fail]").GetAttribute("aria-pressed"));
        Assert.Equal("false", control.Find("button[data-testid=pass]").GetAttribute("aria-pressed"));
        Assert.Single(control.FindAll("[data-testid=severity-select]"));
        Assert.Single(control.FindAll("[data-testid=note]"));
    }

    [Fact]
    public void OkOnAPassFailItemIsSavedWithoutSeverityAndOpensNothingMore()
    {
        var control = RenderItem("SAF-APAR");

        control.Find("button[data-testid=pass]").Click();

        var draft = Assert.Single(_drafts);
        Assert.Equal(AnswerInputKind.Pass, draft.Input.Kind);
        Assert.Null(draft.Severity);
        Assert.Equal("OK", Text(control, "outcome"));
        Assert.Equal("Rujukan: Usulan BalaiKota", Text(control, "standard"));
        Assert.Empty(control.FindAll("[data-testid=severity-select]"));
        Assert.Empty(control.FindAll("[data-testid=photos]"));
    }

    [Fact]
    public void AReadingAboveTheBandIsJudgedAtOnceAndSavedAfterTheTypingPause()
    {
        var control = RenderItem("HEAT-WORK");
        Assert.Equal("Standar 23–26 °C (Permenkes 48/2016)", Text(control, "standard"));

        ReadingInput(control).Input("31");

        Assert.Equal("Tidak OK", Text(control, "outcome"));
        Assert.Equal("Menyimpan…", Text(control, "save-state"));
        Assert.Empty(_drafts);
        control.WaitForAssertion(() => Assert.Single(_drafts), PastTheTypingPause);
        var draft = _drafts[0];
        Assert.Equal(AnswerInputKind.Reading, draft.Input.Kind);
        Assert.Equal(31m, draft.Input.Number);
        Assert.Equal(Severity.High, draft.Severity);
        Assert.Equal(0, draft.BasedOnRevision);
        control.WaitForAssertion(() => Assert.Equal("Tersimpan 10.15", Text(control, "save-state")), PastTheTypingPause);
    }

    [Fact]
    public void AReadingWithADecimalCommaIsReadAsADecimalNumber()
    {
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("25,5");

        Assert.Equal("OK", Text(control, "outcome"));
        control.WaitForAssertion(() => Assert.Single(_drafts), PastTheTypingPause);
        Assert.Equal(25.5m, _drafts[0].Input.Number);
        Assert.Null(_drafts[0].Severity);
    }

    [Fact]
    public async Task OnlyTheLastReadingIsSavedWhenTheInspectorKeepsTyping()
    {
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("3");
        ReadingInput(control).Input("30");
        ReadingInput(control).Input("30,5");

        control.WaitForAssertion(() => Assert.NotEmpty(_drafts), PastTheTypingPause);
        await Task.Delay(700, Xunit.TestContext.Current.CancellationToken);
        var draft = Assert.Single(_drafts);
        Assert.Equal(30.5m, draft.Input.Number);
    }

    [Fact]
    public async Task LeavingTheReadingFieldSavesAtOnce()
    {
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("24");
        ReadingInput(control).Blur();

        var draft = Assert.Single(_drafts);
        Assert.Equal(24m, draft.Input.Number);
        await Task.Delay(700, Xunit.TestContext.Current.CancellationToken);
        Assert.Single(_drafts);
    }

    [Fact]
    public async Task AnImplausibleReadingIsExplainedAndNeverSaved()
    {
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("75");

        var error = Text(control, "answer-error");
        Assert.Contains("75 °C di luar batas wajar 0–60 °C", error, StringComparison.Ordinal);
        Assert.Contains("tidak disimpan", error, StringComparison.Ordinal);
        Assert.Empty(control.FindAll("[data-testid=outcome]"));
        await Task.Delay(700, Xunit.TestContext.Current.CancellationToken);
        Assert.Empty(_drafts);
    }

    [Theory]
    [InlineData("75")]
    [InlineData("7x")]
    [InlineData("")]
    public async Task AReadingTypedOverByOneThatCannotBeSavedLeavesNothingToSaveOnLeavingTheField(string typedOver)
    {
        // Typing "75" passes through "7", a plausible reading that starts the typing pause.
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("7");
        ReadingInput(control).Input(typedOver);
        ReadingInput(control).Blur();
        await Task.Delay(700, Xunit.TestContext.Current.CancellationToken);

        Assert.Empty(_drafts);
        Assert.Equal(string.Empty, Text(control, "save-state"));
    }

    [Fact]
    public void TextThatIsNotANumberAsksForANumberAndIsNotSaved()
    {
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("dua puluh");
        ReadingInput(control).Blur();

        Assert.Equal("Tulis angka, misalnya 27,5.", Text(control, "answer-error"));
        Assert.Empty(_drafts);
    }

    [Fact]
    public void AConflictNamesWhoAnsweredAndKeepingMineSavesOnTopOfTheirRevision()
    {
        var heat = Item("HEAT-WORK");
        var theirs = Stored(heat, AnswerInput.Reading(24), revision: 3, by: "Budi");
        _reply = (item, draft) => Task.FromResult(_drafts.Count == 1
            ? new SaveAnswerResult(true, theirs)
            : new SaveAnswerResult(false, Stored(item, draft.Input, draft.BasedOnRevision + 1, "Ani")));
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("31");
        ReadingInput(control).Blur();

        var conflict = Text(control, "conflict");
        Assert.Contains("diubah oleh Budi pukul 10.15 WIB: 24 °C, OK.", conflict, StringComparison.Ordinal);
        Assert.Equal("Belum tersimpan", Text(control, "save-state"));

        control.Find("button[data-testid=conflict-keep-mine]").Click();

        Assert.Equal(2, _drafts.Count);
        Assert.Equal(31m, _drafts[1].Input.Number);
        Assert.Equal(3, _drafts[1].BasedOnRevision);
        Assert.Empty(control.FindAll("[data-testid=conflict]"));
        Assert.Equal("Tersimpan 10.15", Text(control, "save-state"));
        Assert.Equal("Tidak OK", Text(control, "outcome"));
    }

    [Fact]
    public void TakingTheStoredAnswerInAConflictShowsItAndSavesNothing()
    {
        var heat = Item("HEAT-WORK");
        var theirs = Stored(heat, AnswerInput.Reading(24), revision: 3, by: "Budi");
        _reply = (_, _) => Task.FromResult(new SaveAnswerResult(true, theirs));
        var control = RenderItem("HEAT-WORK");
        ReadingInput(control).Input("31");
        ReadingInput(control).Blur();
        Assert.Single(_drafts);

        control.Find("button[data-testid=conflict-take-theirs]").Click();

        Assert.Equal("24", ReadingInput(control).GetAttribute("value"));
        Assert.Equal("OK", Text(control, "outcome"));
        Assert.Empty(control.FindAll("[data-testid=conflict]"));
        Assert.Single(_drafts);
    }

    [Fact]
    public void ASaveAfterTakingTheStoredAnswerIsBasedOnItsRevision()
    {
        var heat = Item("HEAT-WORK");
        var theirs = Stored(heat, AnswerInput.Reading(24), revision: 3, by: "Budi");
        _reply = (item, draft) => Task.FromResult(_drafts.Count == 1
            ? new SaveAnswerResult(true, theirs)
            : new SaveAnswerResult(false, Stored(item, draft.Input, draft.BasedOnRevision + 1, "Ani")));
        var control = RenderItem("HEAT-WORK");
        ReadingInput(control).Input("31");
        ReadingInput(control).Blur();
        control.Find("button[data-testid=conflict-take-theirs]").Click();

        ReadingInput(control).Input("25");
        ReadingInput(control).Blur();

        Assert.Equal(2, _drafts.Count);
        Assert.Equal(3, _drafts[1].BasedOnRevision);
    }

    [Fact]
    public void AnExistingReadingAndThePreviousVisitAreShownOnFirstRender()
    {
        var heat = Item("HEAT-WORK");
        var answer = Stored(heat, AnswerInput.Reading(27.5m), revision: 2, by: "Ani");
        var previous = new PreviousAnswer(new DateOnly(2025, 11, 12), AnswerOutcome.NotOk, 30, null);

        var control = RenderItem("HEAT-WORK", answer, previous);

        Assert.Equal("27,5", ReadingInput(control).GetAttribute("value"));
        Assert.Equal("Tidak OK", Text(control, "outcome"));
        Assert.Equal("Tersimpan 10.15", Text(control, "save-state"));
        Assert.Equal("Kunjungan lalu (12 Nov 2025): 30 °C, Tidak OK", Text(control, "previous"));
        Assert.Single(control.FindAll("[data-testid=severity-select]"));
        Assert.Empty(_drafts);
    }

    [Fact]
    public void AnExistingPassFailAnswerShowsItsButtonPressedAndTheNextSaveIsBasedOnItsRevision()
    {
        var apar = Item("SAF-APAR");
        var answer = Stored(apar, AnswerInput.Pass(), revision: 4, by: "Ani");
        var previous = new PreviousAnswer(new DateOnly(2025, 11, 12), AnswerOutcome.NotOk, null, false);

        var control = RenderItem("SAF-APAR", answer, previous);

        Assert.Equal("true", control.Find("button[data-testid=pass]").GetAttribute("aria-pressed"));
        Assert.Equal("false", control.Find("button[data-testid=fail]").GetAttribute("aria-pressed"));
        Assert.Equal("OK", Text(control, "outcome"));
        Assert.Equal("Kunjungan lalu (12 Nov 2025): Tidak OK", Text(control, "previous"));

        control.Find("button[data-testid=fail]").Click();

        Assert.Equal(4, Assert.Single(_drafts).BasedOnRevision);
    }

    [Fact]
    public void WithoutTheRightToEditTheButtonsAreDisabledAndNothingIsSaved()
    {
        var control = RenderItem("SAF-APAR", canEdit: false);

        var fail = control.Find("button[data-testid=fail]");
        Assert.True(fail.HasAttribute("disabled"));
        Assert.True(control.Find("button[data-testid=pass]").HasAttribute("disabled"));
        fail.Click();

        Assert.Empty(_drafts);
        Assert.Empty(control.FindAll("[data-testid=outcome]"));
    }

    [Fact]
    public void WithoutTheRightToEditTheReadingFieldIsDisabledAndNothingIsSaved()
    {
        var control = RenderItem("HEAT-WORK", canEdit: false);

        var reading = ReadingInput(control);
        Assert.True(reading.HasAttribute("disabled"));
        reading.Input("24");
        ReadingInput(control).Blur();

        Assert.Empty(_drafts);
    }

    [Fact]
    public void SpeaksEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");
        var control = RenderItem("SAF-APAR");

        Assert.Equal("Fire extinguisher reachable and in date", control.Find("h3").TextContent.Trim());
        Assert.Equal("Reference: Usulan BalaiKota", Text(control, "standard"));
        Assert.Equal("Not OK", control.Find("button[data-testid=fail]").TextContent.Trim());
        control.Find("button[data-testid=fail]").Click();

        Assert.Equal("Not OK", Text(control, "outcome"));
        Assert.Equal("Saved 10.15", Text(control, "save-state"));
    }

    [Fact]
    public void SpeaksIndonesianByDefault()
    {
        var control = RenderItem("SAF-APAR");

        Assert.Equal("APAR terjangkau dan belum kedaluwarsa", control.Find("h3").TextContent.Trim());
        Assert.Equal("Tidak OK", control.Find("button[data-testid=fail]").TextContent.Trim());
    }

    [Fact]
    public void AnEnglishReadingTakesADecimalPointAndShowsTheStandardInEnglish()
    {
        UseCulture("en-US");
        var control = RenderItem("HEAT-WORK");

        ReadingInput(control).Input("25.5");
        ReadingInput(control).Blur();

        Assert.Equal("Standard 23–26 °C (Permenkes 48/2016)", Text(control, "standard"));
        Assert.Equal(25.5m, Assert.Single(_drafts).Input.Number);
    }

    [Theory]
    [InlineData(2, "Tidak OK")]
    [InlineData(3, "OK")]
    [InlineData(4, "OK")]
    public void ARatingIsJudgedAgainstThePassMark(int rating, string outcome)
    {
        var control = RenderItem("COM-QUEUE");
        Assert.Equal(6, control.FindAll("button[data-testid^=rating-]").Count);
        Assert.Equal("Standar ≥ 3 (0–5) (Permenpan RB 17/2017)", Text(control, "standard"));

        control.Find($"button[data-testid=rating-{rating}]").Click();

        Assert.Equal(outcome, Text(control, "outcome"));
        var draft = Assert.Single(_drafts);
        Assert.Equal(AnswerInputKind.Rating, draft.Input.Kind);
        Assert.Equal((decimal)rating, draft.Input.Number);
        Assert.Equal("true", control.Find($"button[data-testid=rating-{rating}]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void NotApplicableIsOfferedOnlyWhereTheItemAllowsIt()
    {
        var openings = RenderItem("VEN-OPENINGS");
        Assert.Empty(RenderItem("SAF-APAR").FindAll("[data-testid=na]"));

        openings.Find("button[data-testid=na]").Click();

        Assert.Equal(AnswerInputKind.NotApplicable, Assert.Single(_drafts).Input.Kind);
        Assert.Equal("N/A", Text(openings, "outcome"));
    }

    [Fact]
    public void ARefusalFromTheServiceIsShownInTheUsersLanguageAndNothingIsMarkedSaved()
    {
        _reply = (_, _) => throw new DomainException("visit.notInProgress", "Kunjungan tidak berlangsung.");
        var control = RenderItem("SAF-APAR");

        control.Find("button[data-testid=fail]").Click();

        Assert.Single(_drafts);
        Assert.Equal("Kunjungan ini sudah tidak berlangsung (sudah dikirim atau dibatalkan); perubahan tidak disimpan.", Text(control, "answer-error"));
        Assert.Equal("Belum tersimpan", Text(control, "save-state"));
        Assert.Empty(control.FindAll("[data-testid=severity-select]"));
    }

    [Fact]
    public void ADatabaseFailureSaysNotSavedKeepsTheAnswerAndSavesItOnRetry()
    {
        var reply = _reply;
        _reply = (_, _) => throw new TimeoutException("database busy");
        var control = RenderItem("SAF-APAR");

        control.Find("button[data-testid=fail]").Click();
        Assert.Equal("Perubahan belum tersimpan karena gangguan pada server atau jaringan. Coba lagi.Coba lagi", Text(control, "answer-error"));
        Assert.Equal("Belum tersimpan", Text(control, "save-state"));
        _reply = reply;
        control.Find("[data-testid=answer-retry]").Click();

        Assert.Equal(2, _drafts.Count);
        Assert.Equal(AnswerInputKind.Fail, _drafts[1].Input.Kind);
        Assert.StartsWith("Tersimpan", Text(control, "save-state"), StringComparison.Ordinal);
        Assert.Empty(control.FindAll("[data-testid=answer-error]"));
    }

    [Fact]
    public void TheFirstAnswerTellsThePageTheItemIsAnsweredOnce()
    {
        var told = new List<(Guid ItemId, bool Answered)>();
        var control = RenderItem("SAF-APAR", configure: p => p.Add(c => c.OnOutcomeChanged, change => told.Add(change)));

        control.Find("button[data-testid=fail]").Click();
        control.Find("button[data-testid=pass]").Click();

        Assert.Equal(2, _drafts.Count);
        Assert.Equal(1, _drafts[1].BasedOnRevision);
        Assert.Equal((Item("SAF-APAR").Id, true), Assert.Single(told));
    }

    private static ChecklistTemplate PublishedChecklist()
    {
        var template = DefaultChecklist.Build();
        template.Publish(SavedAt);
        return template;
    }

    private static ChecklistItem Item(string code) => Checklist.Items.Single(i => i.Code == code);

    private static string Text(IRenderedComponent<AnswerControl> control, string testId) =>
        control.Find($"[data-testid={testId}]").TextContent.Trim();

    /// <summary>The input element of the reading field, wherever MudBlazor puts the test id.</summary>
    private static IElement ReadingInput(IRenderedComponent<AnswerControl> control)
    {
        var field = control.Find("[data-testid=reading]");
        return field.LocalName == "input" ? field : field.QuerySelector("input") ?? throw new InvalidOperationException("No input in the reading field.");
    }

    /// <summary>An answer as the service would store it for <paramref name="input"/>.</summary>
    private AnswerView Stored(ChecklistItem item, AnswerInput input, int revision, string by, string? note = null, Severity? severity = null)
    {
        var outcome = item.Evaluate(input, Context);
        return new AnswerView(
            _answerId,
            outcome,
            input.Kind switch { AnswerInputKind.Pass => true, AnswerInputKind.Fail => false, _ => null },
            input.Number,
            input.Kind == AnswerInputKind.NotApplicable,
            note,
            outcome == AnswerOutcome.NotOk ? severity ?? item.DefaultSeverity : null,
            revision,
            by,
            SavedAt);
    }

    private IRenderedComponent<AnswerControl> RenderItem(
        string code,
        AnswerView? answer = null,
        PreviousAnswer? previous = null,
        bool canEdit = true,
        Action<ComponentParameterCollectionBuilder<AnswerControl>>? configure = null)
    {
        var item = Item(code);
        Func<AnswerDraft, Task<SaveAnswerResult>> save = draft =>
        {
            _drafts.Add(draft);
            return _reply(item, draft);
        };
        return Render<AnswerControl>(p =>
        {
            p.Add(c => c.Entry, new ItemSheet(item, answer, previous, []))
                .Add(c => c.Context, Context)
                .Add(c => c.CanEdit, canEdit)
                .Add(c => c.VisitId, Guid.NewGuid())
                .Add(c => c.Save, save);
            configure?.Invoke(p);
        });
    }
}
