using Microsoft.Data.Sqlite;

namespace BalaiKota.Testing;

public static class SqliteFiles
{
    /// <summary>A path for a throw-away SQLite database in the temp folder.</summary>
    public static string NewPath(string purpose) => Path.Combine(Path.GetTempPath(), $"balaikota-{purpose}-{Guid.NewGuid():N}.db");

    /// <summary>Deletes a SQLite database with its WAL and shared-memory files, after closing pooled connections.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
