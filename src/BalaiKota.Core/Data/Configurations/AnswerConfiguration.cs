using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.Property(a => a.Revision).IsConcurrencyToken();
        builder.HasOne<ChecklistItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.AnsweredBy).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RoomInspectionId, a.ItemId }).IsUnique();
        builder.HasIndex(a => new { a.ItemId, a.Outcome });
    }
}
