using BalaiKota.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BalaiKota.Core.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });

        // The log filtered by kind of row reads the newest of that kind first; without it, a million-entry log sorted
        // every row of the kind (0.1–0.2 s on SQLite, `admin` benchmark).
        builder.HasIndex(a => new { a.EntityType, a.At });
    }
}
