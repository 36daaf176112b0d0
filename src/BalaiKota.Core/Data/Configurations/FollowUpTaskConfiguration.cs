using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class FollowUpTaskConfiguration : IEntityTypeConfiguration<FollowUpTask>
{
    public void Configure(EntityTypeBuilder<FollowUpTask> builder)
    {
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Finding>().WithMany().HasForeignKey(t => t.FindingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ResponsibleUnit>().WithMany().HasForeignKey(t => t.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FollowUpTask>().WithMany().HasForeignKey(t => t.MergedIntoTaskId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.History).WithOne().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.Status, t.DueDate });
        builder.HasIndex(t => new { t.ResponsibleUnitId, t.Status });
        builder.HasIndex(t => t.OpenedAt);
    }
}
