using BalaiKota.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BalaiKota.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BalaiKotaDbContext>
{
    public BalaiKotaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<BalaiKotaDbContext>();
        BalaiKotaDatabase.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db", TimeProvider.System);
        return new BalaiKotaDbContext(options.Options);
    }
}
