using BalaiKota.Core.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BalaiKota.Core.Data;

public class BalaiKotaDbContext(DbContextOptions<BalaiKotaDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Opd> Opds => Set<Opd>();

    public DbSet<Building> Buildings => Set<Building>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<ResponsibleUnit> ResponsibleUnits => Set<ResponsibleUnit>();

    public DbSet<ChecklistTemplate> ChecklistTemplates => Set<ChecklistTemplate>();

    public DbSet<ChecklistCategory> ChecklistCategories => Set<ChecklistCategory>();

    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitSignature> VisitSignatures => Set<VisitSignature>();

    public DbSet<RoomInspection> RoomInspections => Set<RoomInspection>();

    public DbSet<Answer> Answers => Set<Answer>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<FollowUpTask> FollowUpTasks => Set<FollowUpTask>();

    public DbSet<FollowUpTaskEvent> FollowUpTaskEvents => Set<FollowUpTaskEvent>();

    public DbSet<Photo> Photos => Set<Photo>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>The user on whose behalf this unit of work saves; written to the audit fields and log.</summary>
    public string? ActingUserId { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(BalaiKotaDbContext).Assembly);

        // Domain objects make their own keys (Guid v7) when they are created, so a new child found in a
        // tracked parent's collection must be inserted, not mistaken for an existing row.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.ClrType.Namespace == typeof(Visit).Namespace && e.ClrType != typeof(ApplicationUser)))
        {
            builder.Entity(entity.ClrType).Property(nameof(Visit.Id)).ValueGeneratedNever();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as strings and instants as UTC keep the data readable and portable between providers.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();

        // SQLite cannot compare or sort decimals in SQL; readings fit a double on both providers.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
        configurationBuilder.Properties<decimal?>().HaveConversion<double?>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
