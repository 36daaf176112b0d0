using BalaiKota.Core;
using BalaiKota.Core.Data;
using BalaiKota.Web;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddBalaiKotaCore();
    builder.AddBalaiKotaWeb();

    var app = builder.Build();
    app.UseBalaiKota();
    await app.Services.InitializeBalaiKotaDatabaseAsync();
    await app.RunAsync();
    return 0;
}
catch (StartupConfigurationException ex)
{
    // One line that names the setting to fix, instead of a wall of stack trace.
    await Console.Error.WriteLineAsync($"BalaiKota cannot start: {ex.Message}");
    return 1;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    // A setting checked at start (such as Labels:PublicBaseUrl): its message already names the setting.
    await Console.Error.WriteLineAsync($"BalaiKota cannot start: {string.Join(" ", ex.Failures)}");
    return 1;
}

/// <summary>Entry point; public so that the test host can find it.</summary>
public partial class Program;
