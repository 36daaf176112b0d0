using BalaiKota.Testing;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(BalaiKota.E2E.Tests.BrowserFixture))]

namespace BalaiKota.E2E.Tests;

/// <summary>One app process (SQLite, demo data) and one headless Debian Chromium for the whole run.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DemoPassword = "E2E-Password-2026";

    private readonly string _database = SqliteFiles.NewPath("e2e");
    private AppProcess? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ScreenshotFolder { get; } = Path.Combine(AppProcess.RepositoryRoot, "artifacts", "screenshots");

    public Uri BaseAddress => _app?.BaseAddress ?? throw new InvalidOperationException("The app is not running.");

    public async ValueTask InitializeAsync()
    {
        // Without Chromium the tests report a skip (or a failure under CI) each; nothing to start here.
        if (!File.Exists(TestEnvironment.ChromiumPath))
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _app = await StartDemoAppAsync(_database);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A fresh browser context (no cookies) at the given viewport, e.g. a 10-inch tablet.</summary>
    public Task<IPage> NewPageAsync(int width, int height) => NewPageAsync(width, height, BaseAddress);

    /// <summary>The same, on another app than the shared one (a test whose changes the others must not see).</summary>
    public async Task<IPage> NewPageAsync(int width, int height, Uri app)
    {
        TestEnvironment.RequireChromium();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            HasTouch = true,
            Locale = "id-ID",
            TimezoneId = "Asia/Jakarta",
        });
        return await context.NewPageAsync();
    }

    /// <summary>The app as a user starts it, on SQLite with demo data whose accounts share <see cref="DemoPassword"/>.</summary>
    public static Task<AppProcess> StartDemoAppAsync(string database) => AppProcess.StartAsync(
        new Dictionary<string, string>
        {
            ["ConnectionStrings__BalaiKota"] = $"Data Source={database}",
            ["Demo__Password"] = DemoPassword,
        },
        TimeSpan.FromSeconds(120));

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        SqliteFiles.Delete(_database);
    }
}
