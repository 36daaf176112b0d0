using BalaiKota.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BalaiKota.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL; no server is contacted.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BalaiKotaDbContext>
{
    public BalaiKotaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BalaiKotaDbContext>();
        BalaiKotaDatabase.Configure(options, DatabaseProvider.Postgres, "Host=127.0.0.1;Database=balaikota_design", TimeProvider.System);
        return new BalaiKotaDbContext(options.Options);
    }
}
