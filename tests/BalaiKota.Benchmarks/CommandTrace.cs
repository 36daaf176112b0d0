using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BalaiKota.Benchmarks;

/// <summary>
/// One data reader of a traced call: from the start of the command's execution to the reader's disposal (of it, the
/// execution until the reader was returned; the rest is reading and materializing its rows); before it, the time since
/// the previous reader was disposed (or the trace started), spent in the code around the queries.
/// </summary>
internal sealed record TracedCommand(double GapBeforeMilliseconds, double Milliseconds, double ExecutionMilliseconds, int Rows, int Parameters, string Tables);

/// <summary>The readers of a traced call, and the time after the last one until the trace stopped.</summary>
internal sealed record TracedCall(List<TracedCommand> Commands, double TailMilliseconds);

/// <summary>
/// The data readers EF Core opens while tracing is on, read from its diagnostic events (no change to the app's
/// registration); named by the tables the command reads, in the order its SQL names them.
/// </summary>
internal sealed partial class CommandTrace : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private readonly List<TracedCommand> _commands = [];
    private readonly Dictionary<Guid, TimeSpan> _executions = [];
    private volatile bool _tracing;
    private DateTimeOffset _lastEnd;

    public CommandTrace() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    public void Start()
    {
        lock (_commands)
        {
            _commands.Clear();
            _executions.Clear();
            _lastEnd = DateTimeOffset.UtcNow;
        }

        _tracing = true;
    }

    public TracedCall Stop()
    {
        _tracing = false;
        lock (_commands)
        {
            return new([.. _commands], (DateTimeOffset.UtcNow - _lastEnd).TotalMilliseconds);
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
        if (!_tracing)
        {
            return;
        }

        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
        {
            lock (_commands)
            {
                _executions[executed.CommandId] = executed.Duration;
            }
        }
        else if (value.Key == RelationalEventId.DataReaderDisposing.Name && value.Value is DataReaderDisposingEventData reader)
        {
            var end = DateTimeOffset.UtcNow;
            var tables = string.Join(" ⋈ ", TableName().Matches(reader.Command.CommandText).Select(m => m.Groups[1].Value).Distinct());
            lock (_commands)
            {
                var gap = (reader.StartTime - _lastEnd).TotalMilliseconds;
                _lastEnd = end;
                var execution = _executions.GetValueOrDefault(reader.CommandId).TotalMilliseconds;
                _commands.Add(new TracedCommand(gap, (end - reader.StartTime).TotalMilliseconds, execution, reader.ReadCount, reader.Command.Parameters.Count, tables));
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
