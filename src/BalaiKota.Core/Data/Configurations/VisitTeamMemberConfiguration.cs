using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class VisitTeamMemberConfiguration : IEntityTypeConfiguration<VisitTeamMember>
{
    public void Configure(EntityTypeBuilder<VisitTeamMember> builder)
    {
        builder.Property(m => m.OfficialName).HasMaxLength(200);
        builder.Property(m => m.OfficialPosition).HasMaxLength(200);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
