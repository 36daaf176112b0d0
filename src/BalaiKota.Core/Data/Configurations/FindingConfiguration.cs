using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.Property(f => f.Description).HasMaxLength(2000);
        builder.Property(f => f.DismissReason).HasMaxLength(500);
        builder.Ignore(f => f.IsAdHoc);
        builder.HasOne<Visit>().WithMany().HasForeignKey(f => f.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Room>().WithMany().HasForeignKey(f => f.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ChecklistItem>().WithMany().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Answer>().WithMany().HasForeignKey(f => f.AnswerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.FoundAt);
        builder.HasIndex(f => new { f.RoomId, f.ItemId });
    }
}
