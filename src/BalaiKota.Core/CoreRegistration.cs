using BalaiKota.Core.Data;
using BalaiKota.Core.Data.Seeding;
using BalaiKota.Core.Domain;
using BalaiKota.Core.Features.Admin;
using BalaiKota.Core.Features.Audit;
using BalaiKota.Core.Features.Dashboard;
using BalaiKota.Core.Features.Exports;
using BalaiKota.Core.Features.FollowUps;
using BalaiKota.Core.Features.Registry;
using BalaiKota.Core.Features.Reports;
using BalaiKota.Core.Features.Templates;
using BalaiKota.Core.Features.Users;
using BalaiKota.Core.Features.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BalaiKota.Core;

public static class CoreRegistration
{
    /// <summary>Database, identity stores, seeding and the feature services.</summary>
    public static IHostApplicationBuilder AddBalaiKotaCore(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var provider = ReadProvider(builder.Configuration);
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new StartupConfigurationException(
                    $"Database:Provider is {provider} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty; set it, e.g. \"Host=127.0.0.1;Database=balaikota;Username=balaikota;Password=...\".");
            }

            connectionString = BalaiKotaDatabase.DefaultSqliteConnectionString(builder.Environment.ContentRootPath);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).Configure(o => o.Provider = provider);
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddOptions<BootstrapAdminOptions>().BindConfiguration(BootstrapAdminOptions.Section);
        services.AddOptions<DueDays>().BindConfiguration(DueDays.Section)
            .Validate(d => new[] { d.Critical, d.High, d.Medium, d.Low }.All(days => days is >= 1 and <= 365), $"{DueDays.Section}: every value must be 1–365 days.")
            .ValidateOnStart();

        services.AddDbContextFactory<BalaiKotaDbContext>((sp, options) => BalaiKotaDatabase.Configure(
            options,
            provider,
            connectionString,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.SqliteBusyTimeoutMs));

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddClaimsPrincipalFactory<TemporaryPasswordClaims>()
            .AddEntityFrameworkStores<BalaiKotaDbContext>();

        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<IdentitySeeder>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<SyntheticDataGenerator>();
        services.AddSingleton<TemplateCache>();
        services.AddScoped<VisitService>();
        services.AddScoped<InspectionService>();
        services.AddScoped<FollowUpService>();
        services.AddScoped<NotificationService>();
        services.AddScoped<VisitReportService>();
        services.AddScoped<MonthlyReportService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<ExportService>();
        services.AddScoped<AdminOverviewService>();
        services.AddScoped<RegistryService>();
        services.AddScoped<RegistryImportService>();
        services.AddScoped<RoomLabelService>();
        services.AddScoped<TemplateAdminService>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<AuditLogService>();
        return builder;
    }

    /// <summary>Migrations, reference data, roles, the first administrator, and demo data when demo mode is on.</summary>
    public static async Task InitializeBalaiKotaDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var database = sp.GetRequiredService<DatabaseInitializer>();
        await database.MigrateAsync(ct);
        await database.SeedReferenceDataAsync(ct);

        var identity = sp.GetRequiredService<IdentitySeeder>();
        await identity.SeedRolesAsync();
        await identity.SeedBootstrapAdminAsync();
        if (sp.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
        {
            await sp.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
        }
    }

    private static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var text = configuration[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.GetNames<DatabaseProvider>().FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<DatabaseProvider>(name)
            : throw new StartupConfigurationException($"Database:Provider '{text}' is not known; use Sqlite (the default) or Postgres.");
    }
}
