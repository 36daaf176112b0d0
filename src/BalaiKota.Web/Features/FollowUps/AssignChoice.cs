using BalaiKota.Core.Domain;

namespace BalaiKota.Web.Features.FollowUps;

/// <summary>What the secretariat chose in the assignment form; priority and due date are left empty only in a bulk assignment.</summary>
public sealed record AssignChoice(Guid UnitId, string? AssigneeId, TaskPriority? Priority, DateOnly? DueDate);
