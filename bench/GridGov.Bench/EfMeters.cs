using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace GridGov.Bench;

/// <summary>EF Core's own counters over a phase (queries run, compiled-query cache hits and misses), to tell database time from the app's.</summary>
internal sealed class EfMeters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();
    private Dictionary<string, long> _start = [];

    public static EfMeters Listen()
    {
        var meters = new EfMeters();
        meters._listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)) listener.EnableMeasurementEvents(instrument);
        };
        // EF Core's counters are observable totals since the process started: read at both ends of the phase.
        meters._listener.SetMeasurementEventCallback<long>((i, v, _, _) => meters._totals[i.Name] = v);
        meters._listener.SetMeasurementEventCallback<int>((i, v, _, _) => meters._totals[i.Name] = v);
        meters._listener.Start();
        meters._listener.RecordObservableInstruments();
        meters._start = new Dictionary<string, long>(meters._totals);
        return meters;
    }

    public override string ToString()
    {
        _listener.RecordObservableInstruments();
        return _totals.IsEmpty ? "no EF Core counters" : string.Join(", ", _totals.OrderBy(t => t.Key)
            .Select(t => $"{t.Key.Replace("microsoft.entityframeworkcore.", "")} {t.Value - _start.GetValueOrDefault(t.Key):N0}"));
    }

    public void Dispose() => _listener.Dispose();
}
