using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class RoomInspectionConfiguration : IEntityTypeConfiguration<RoomInspection>
{
    public void Configure(EntityTypeBuilder<RoomInspection> builder)
    {
        builder.HasOne<Room>().WithMany().HasForeignKey(r => r.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RoomInspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.VisitId, r.RoomId }).IsUnique();
    }
}
