using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class VisitSignatureConfiguration : IEntityTypeConfiguration<VisitSignature>
{
    public void Configure(EntityTypeBuilder<VisitSignature> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Position).HasMaxLength(200);
        builder.HasIndex(s => new { s.VisitId, s.Signer }).IsUnique();
    }
}
