using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BalaiKota.Benchmarks;

/// <summary>One data reader of a traced call: from the command's execution to the reader's disposal, its rows read included.</summary>
internal sealed record TracedCommand(double Milliseconds, int Rows, string Tables, string Sql);

/// <summary>
/// The data readers EF Core opens while tracing is on, read from its diagnostic events (no change to the app's
/// registration); named by the tables the command reads, in the order its SQL names them.
/// </summary>
internal sealed partial class CommandTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<TracedCommand> _commands = [];
    private volatile bool _tracing;

    public CommandTrace() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public void Start()
    {
        lock (_commands)
        {
            _commands.Clear();
        }

        _tracing = true;
    }

    public List<TracedCommand> Stop()
    {
        _tracing = false;
        lock (_commands)
        {
            return [.. _commands];
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (_tracing && value.Key == RelationalEventId.DataReaderDisposing.Name && value.Value is DataReaderDisposingEventData reader)
        {
            var sql = reader.Command.CommandText;
            var tables = string.Join(" ⋈ ", TableName().Matches(sql).Select(m => m.Groups[1].Value).Distinct());
            lock (_commands)
            {
                _commands.Add(new TracedCommand(reader.Duration.TotalMilliseconds, reader.ReadCount, tables, sql));
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }

    [GeneratedRegex("(?:FROM|JOIN) \"(\\w+)\"")]
    private static partial Regex TableName();
}
