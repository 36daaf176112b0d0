using Xunit;

namespace BalaiKota.Testing;

/// <summary>
/// What the machine offers the tests. A missing PostgreSQL or Chromium skips the tests that need it,
/// with the reason; with BALAIKOTA_REQUIRE_ALL=1 (set by CI) it fails them instead.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "BALAIKOTA_TEST_POSTGRES";
    public const string RequireAllVariable = "BALAIKOTA_REQUIRE_ALL";
    public const string ChromiumPath = "/usr/bin/chromium";

    public static bool RequireAll => Environment.GetEnvironmentVariable(RequireAllVariable) == "1";

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The PostgreSQL server's connection string, or a skip (a failure under CI) when none is configured.</summary>
    public static string RequirePostgres() =>
        PostgresConnectionString ?? Unavailable($"PostgreSQL is not configured: set {PostgresVariable} to a connection string of a server whose user may create databases.");

    public static void RequireChromium()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable($"Chromium is not installed at {ChromiumPath} (apt-get install chromium).");
        }
    }

    /// <summary>The path of poppler's pdftoppm, or a skip (a failure under CI) when it is not installed.</summary>
    public static string RequirePdftoppm()
    {
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, "pdftoppm"))
            .FirstOrDefault(File.Exists);
        return path ?? Unavailable("pdftoppm is not installed (apt-get install poppler-utils).");
    }

    private static string Unavailable(string reason)
    {
        if (RequireAll)
        {
            Assert.Fail($"{reason} {RequireAllVariable}=1 turns this skip into a failure.");
        }

        Assert.Skip(reason);
        return string.Empty;
    }
}
