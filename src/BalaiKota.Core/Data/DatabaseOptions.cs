namespace BalaiKota.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> section of the configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string ConnectionStringName = "BalaiKota";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Milliseconds SQLite waits for a lock held by another writer before it gives up.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 5000;
}

/// <summary>A setting that keeps the app from starting; the message names the setting to fix.</summary>
public sealed class StartupConfigurationException : Exception
{
    public StartupConfigurationException(string message)
        : base(message)
    {
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StartupConfigurationException()
    {
    }
}
