using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Features.Visits;

/// <summary>What an answer control asks to save: the input, the note and severity, and the revision it started from.</summary>
public sealed record AnswerDraft(AnswerInput Input, string? Note, Severity? Severity, int BasedOnRevision);
