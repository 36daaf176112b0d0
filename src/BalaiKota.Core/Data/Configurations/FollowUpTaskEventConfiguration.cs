using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class FollowUpTaskEventConfiguration : IEntityTypeConfiguration<FollowUpTaskEvent>
{
    public void Configure(EntityTypeBuilder<FollowUpTaskEvent> builder)
    {
        builder.Property(e => e.Note).HasMaxLength(2000);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(e => e.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.TaskId, e.At });
    }
}
