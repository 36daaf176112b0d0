using BalaiKota.Core.Features.FollowUps;

namespace BalaiKota.Web.Features.FollowUps;

/// <summary>A triage decision the server answered: applied (with the words saying so), or refused as a conflict with the task as it is now.</summary>
public sealed record TriageOutcome(TaskChangeResult Result, string DoneText);
