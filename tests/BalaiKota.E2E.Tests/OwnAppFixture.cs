using BalaiKota.Testing;

namespace BalaiKota.E2E.Tests;

/// <summary>
/// An app process with a demo database of its own, for a test class whose changes would break the others: publishing a
/// new checklist version changes the bands every later visit on the shared app is judged against.
/// </summary>
public sealed class OwnAppFixture : IAsyncLifetime
{
    private readonly string _database = SqliteFiles.NewPath("e2e-own");
    private AppProcess? _app;

    public Uri BaseAddress => _app?.BaseAddress ?? throw new InvalidOperationException("The app is not running.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(TestEnvironment.ChromiumPath))
        {
            return;
        }

        _app = await BrowserFixture.StartDemoAppAsync(_database);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteFiles.Delete(_database);
    }
}
