using System.Globalization;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Visits;
using BalaiKota.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Severity = BalaiKota.Core.Domain.Severity;

namespace BalaiKota.Web.Features.Visits;

/// <summary>
/// One checklist item: large controls, the reading judged against its band as it is typed, and every change saved at
/// once (a reading after a short pause or when the field is left), with the save state in view. A save that meets a
/// newer answer from someone else shows both and lets the inspector choose.
/// </summary>
public sealed partial class AnswerControl : IAsyncDisposable
{
    private static readonly TimeSpan TypingPause = TimeSpan.FromMilliseconds(400);

    private readonly SemaphoreSlim _saving = new(1, 1);
    private CancellationTokenSource? _pending;
    private AnswerInput? _input;
    private string? _reading;
    private string? _note;
    private Severity _severity;
    private AnswerView? _saved;
    private IReadOnlyList<PhotoRef> _photos = [];
    private AnswerView? _conflict;
    private AnswerOutcome? _outcome;
    private string? _problem;
    private SaveState _state;
    private bool _mayRetry;

    private enum SaveState
    {
        Idle,
        Dirty,
        Saving,
        Saved,
        Failed,
    }

    [Inject]
    private ILogger<AnswerControl> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public ItemSheet Entry { get; set; } = default!;

    [Parameter, EditorRequired]
    public EvaluationContext Context { get; set; } = default!;

    [Parameter]
    public bool CanEdit { get; set; }

    [Parameter, EditorRequired]
    public Guid VisitId { get; set; }

    /// <summary>Stores a draft; the room page passes the inspection service, tests pass their own.</summary>
    [Parameter, EditorRequired]
    public Func<AnswerDraft, Task<SaveAnswerResult>> Save { get; set; } = default!;

    /// <summary>Tells the page when the item became answered, for the room's progress.</summary>
    [Parameter]
    public EventCallback<(Guid ItemId, bool Answered)> OnOutcomeChanged { get; set; }

    private static InputMode DecimalInput => InputMode.@decimal;

    private ChecklistItem Item => Entry.Item;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private string Label => AppCultures.IsIndonesian(CultureInfo.CurrentUICulture) ? Item.LabelId : Item.LabelEn;

    private string Standard => Item.AnswerType == AnswerType.PassFail
        ? string.Format(Culture, L["Answer_Source"], Item.SourceCode)
        : string.Format(Culture, L["Answer_Standard"], Item.BandText(Culture, Context), Item.SourceCode);

    private string SaveStateText => _state switch
    {
        SaveState.Dirty or SaveState.Saving => L["Answer_Saving"],
        SaveState.Saved => string.Format(Culture, L["Answer_Saved"], Wib.ToWib(_saved!.AnsweredAt).ToString("HH.mm", Culture)),
        SaveState.Failed => L["Answer_NotSaved"],
        _ => _saved switch
        {
            null => string.Empty,
            { Outcome: AnswerOutcome.NotInspected } => L["Outcome_NotInspected"],
            _ => string.Format(Culture, L["Answer_Saved"], Wib.ToWib(_saved.AnsweredAt).ToString("HH.mm", Culture)),
        },
    };

    /// <summary>Leaving the room (or the tab closing) saves a reading still waiting for the typing pause.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending?.Cancel();
        if (_state == SaveState.Dirty)
        {
            await SaveNowAsync();
        }

        // A save in flight finishes before its lock goes away.
        await _saving.WaitAsync();
        _saving.Dispose();
        _pending?.Dispose();
    }

    protected override void OnInitialized()
    {
        Adopt(Entry.Answer);
        _photos = Entry.Photos;
    }

    private void Adopt(AnswerView? answer)
    {
        _saved = answer;
        _conflict = null;
        _problem = null;
        _input = answer is null || answer.Outcome == AnswerOutcome.NotInspected ? null : answer switch
        {
            { IsNotApplicable: true } => AnswerInput.NotApplicable(),
            { Passed: true } => AnswerInput.Pass(),
            { Passed: false } => AnswerInput.Fail(),
            { Value: { } v } when Item.AnswerType == AnswerType.Rating => AnswerInput.Rating((int)v),
            { Value: { } v } => AnswerInput.Reading(v),
            _ => null,
        };
        _reading = _input is { Kind: AnswerInputKind.Reading, Number: { } n } ? n.ToString("0.##", Culture) : null;
        _note = answer?.Note;
        _severity = answer?.Severity ?? Item.DefaultSeverity;
        _outcome = _input is null ? null : answer!.Outcome;
    }

    private Variant Picked(AnswerInputKind kind) => _input?.Kind == kind ? Variant.Filled : Variant.Outlined;

    private string Pressed(AnswerInputKind kind) => _input?.Kind == kind ? "true" : "false";

    private bool IsRating(int value) => _input is { Kind: AnswerInputKind.Rating } input && input.Number == value;

    private static Color OutcomeColour(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Ok => Color.Success,
        AnswerOutcome.NotOk => Color.Error,
        _ => Color.Default,
    };

    private string Describe(AnswerOutcome outcome, decimal? value, bool? passed)
    {
        var given = Item.AnswerType switch
        {
            AnswerType.Measurement when value is { } v => $"{v.ToString("0.##", Culture)} {ChecklistItem.UnitSymbol(Item.Unit)}, ",
            AnswerType.Rating when value is { } v => $"{v:0}, ",
            _ => string.Empty,
        };
        return given + L[$"Outcome_{outcome}"];
    }

    private async Task ChooseAsync(AnswerInput input)
    {
        _pending?.Cancel();
        _reading = null;
        if (Judge(input))
        {
            await SaveNowAsync();
        }
    }

    /// <summary>Judges the reading on every keystroke; saves it once the typing pauses.</summary>
    private async Task ReadingChangedAsync(string? text)
    {
        _reading = text;
        _pending?.Cancel();
        if (_state == SaveState.Dirty)
        {
            // The reading waiting for the pause was typed over (as "7" on the way to "75"): only a reading judged
            // below is waiting to be saved, so leaving the field must not store the one in between.
            _state = SaveState.Idle;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            _problem = null;
            _input = null;
            _outcome = null;
            return;
        }

        if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            _problem = L["Answer_NotANumber"];
            _input = null;
            _outcome = null;
            return;
        }

        if (Judge(AnswerInput.Reading(value)))
        {
            await SaveAfterPauseAsync();
        }
    }

    private async Task NoteChangedAsync(string? note)
    {
        _note = note;
        await SaveAfterPauseAsync();
    }

    private async Task SeverityChangedAsync(Severity severity)
    {
        _severity = severity;
        await SaveNowAsync();
    }

    /// <summary>Leaving a field saves what is pending at once.</summary>
    private async Task FlushAsync()
    {
        if (_state == SaveState.Dirty)
        {
            _pending?.Cancel();
            await SaveNowAsync();
        }
    }

    private bool Judge(AnswerInput input)
    {
        try
        {
            _outcome = Item.Evaluate(input, Context);
            _input = input;
            _problem = null;
            return true;
        }
        catch (DomainException refused)
        {
            // A reading outside plausibility is a typing error: shown, never stored, and nothing earlier is left to store.
            _outcome = null;
            _input = null;
            _problem = refused.Code == "answer.implausible"
                ? string.Format(Culture, L["Answer_Implausible"], input.Number?.ToString("0.##", Culture), ChecklistItem.UnitSymbol(Item.Unit), Item.PlausibleMin?.ToString("0.##", Culture), Item.PlausibleMax?.ToString("0.##", Culture))
                : ErrorText.For(refused, L);
            return false;
        }
    }

    private async Task SaveAfterPauseAsync()
    {
        _state = SaveState.Dirty;
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        try
        {
            await Task.Delay(TypingPause, _pending.Token);
        }
        catch (TaskCanceledException)
        {
            return;
        }

        await SaveNowAsync();
    }

    private Task RetryAsync() => SaveNowAsync();

    private async Task SaveNowAsync(int? basedOnRevision = null)
    {
        if (_input is not { } input || !CanEdit)
        {
            return;
        }

        await _saving.WaitAsync();
        try
        {
            _state = SaveState.Saving;
            _mayRetry = false;
            StateHasChanged();
            var result = await Save(new AnswerDraft(input, _note, _outcome == AnswerOutcome.NotOk ? _severity : null, basedOnRevision ?? _saved?.Revision ?? 0));
            if (result.IsConflict)
            {
                _conflict = result.Answer;
                _state = SaveState.Failed;
                return;
            }

            var wasAnswered = _saved is { Outcome: not AnswerOutcome.NotInspected };
            _saved = result.Answer;
            _outcome = result.Answer.Outcome;
            _state = SaveState.Saved;
            _problem = null;
            if (!wasAnswered)
            {
                await OnOutcomeChanged.InvokeAsync((Item.Id, true));
            }
        }
        catch (DomainException refused)
        {
            _state = SaveState.Failed;
            _problem = ErrorText.For(refused, L);
        }
        catch (Exception trouble) when (ErrorText.IsTransient(trouble))
        {
            // The database or network failed: say so, keep what was typed, and offer to try again.
            Logger.LogWarning(trouble, "Saving answer to item {ItemId} failed", Item.Id);
            _state = SaveState.Failed;
            _mayRetry = true;
            _problem = L["Error_NotSaved"];
        }
        finally
        {
            _saving.Release();
            StateHasChanged();
        }
    }

    /// <summary>The inspector has seen the other answer and keeps their own: save again on top of the stored revision.</summary>
    private Task KeepMineAsync()
    {
        var theirs = _conflict!;
        _conflict = null;
        return SaveNowAsync(theirs.Revision);
    }

    private void TakeTheirs()
    {
        var theirs = _conflict!;
        Adopt(theirs);
        _state = SaveState.Saved;
    }
}
