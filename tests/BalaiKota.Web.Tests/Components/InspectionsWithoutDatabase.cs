using BalaiKota.Core.Data;
using BalaiKota.Core.Features.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BalaiKota.Web.Tests.Components;

/// <summary>
/// The inspection service as components inject it, on a database factory that refuses to be used: for tests of
/// components that need the service to be built but must never reach a database.
/// </summary>
internal static class InspectionsWithoutDatabase
{
    public static IServiceCollection AddInspectionsWithoutDatabase(this IServiceCollection services)
    {
        services.AddSingleton<IDbContextFactory<BalaiKotaDbContext>, NoDatabase>();
        services.AddSingleton<TemplateCache>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InspectionService>();
        return services;
    }

    private sealed class NoDatabase : IDbContextFactory<BalaiKotaDbContext>
    {
        public BalaiKotaDbContext CreateDbContext() => throw new InvalidOperationException("This component test uses no database.");
    }
}
