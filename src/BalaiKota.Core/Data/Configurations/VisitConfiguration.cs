using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.Property(v => v.CancelReason).HasMaxLength(500);
        builder.Property(v => v.ReopenReason).HasMaxLength(500);
        builder.HasMany<VisitSignature>().WithOne().HasForeignKey(s => s.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Opd>().WithMany().HasForeignKey(v => v.OpdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(v => v.LeadInspectorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(v => v.Team).WithOne().HasForeignKey(m => m.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Rooms).WithOne().HasForeignKey(r => r.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.OpdId, v.PlannedDate });
        builder.HasIndex(v => new { v.Status, v.SubmittedAt });
    }
}
