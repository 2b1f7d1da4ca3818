using Parquet;
using Parquet.Schema;
using Screener.Analytics.Features;
using Screener.Contracts;

namespace Screener.Offline.BuildFeatures;

/// <summary>
/// Writes <see cref="FeatureSnapshot"/>s to a Parquet file (<see cref="FeatureParquetSchema"/>), one row per snapshot in
/// the order given, in row groups of at most <see cref="RowGroupRows"/> rows: it holds one row group's columns at a
/// time, so memory stays bounded however long the journal. The footer (schema, row groups, and the key-value metadata
/// of <see cref="FeatureParquetMetadata"/>) is written by <see cref="CompleteAsync"/>. The same snapshots and metadata
/// always give the same bytes: nothing in the file comes from the wall clock.
/// <para>A snapshot of another feature spec, with the wrong number of values, with a NaN or infinite value, or with a
/// quality flag the file has no column for, is refused: a file holds one spec, its metadata promises the spec's NaN
/// policy (no value is ever NaN or infinite), and a flag is never dropped silently.</para>
/// </summary>
public sealed class FeatureParquetWriter : IAsyncDisposable
{
    /// <summary>Rows per row group unless told otherwise: about 14 MB of columns for the 66 features of market-v1.</summary>
    public const int DefaultRowGroupRows = 50_000;

    private const DataQuality KnownFlags = DataQuality.WarmUp | DataQuality.Stale | DataQuality.BookOutOfSync;

    private readonly ParquetWriter _parquet;
    private readonly DataField[] _fields;
    private readonly FeatureSpec _spec;
    private readonly string _specHash;
    private readonly string[] _symbols;
    private readonly DateTime[] _times;
    private readonly long[] _ticks;
    private readonly bool[] _warmUp;
    private readonly bool[] _stale;
    private readonly bool[] _bookOutOfSync;
    private readonly float[][] _values;
    private int _buffered;
    private bool _completed;

    private FeatureParquetWriter(ParquetWriter parquet, DataField[] fields, FeatureSpec spec, string specHash, int rowGroupRows)
    {
        _parquet = parquet;
        _fields = fields;
        _spec = spec;
        _specHash = specHash;
        RowGroupRows = rowGroupRows;
        _symbols = new string[rowGroupRows];
        _times = new DateTime[rowGroupRows];
        _ticks = new long[rowGroupRows];
        _warmUp = new bool[rowGroupRows];
        _stale = new bool[rowGroupRows];
        _bookOutOfSync = new bool[rowGroupRows];
        _values = new float[spec.Features.Count][];
        for (var i = 0; i < _values.Length; i++) _values[i] = new float[rowGroupRows];
    }

    public int RowGroupRows { get; }

    /// <summary>Rows accepted so far, written or buffered for the current row group.</summary>
    public long Rows { get; private set; }

    /// <summary>Row groups written so far.</summary>
    public int RowGroups { get; private set; }

    /// <summary>Starts a file on <paramref name="output"/> (writable and seekable; left open when the writer is disposed).</summary>
    public static async Task<FeatureParquetWriter> CreateAsync(
        Stream output, FeatureSpec spec, int rowGroupRows = DefaultRowGroupRows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rowGroupRows);
        var schema = FeatureParquetSchema.Create(spec);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var parquet = await ParquetWriter.CreateAsync(schema, output, options, append: false, ct);
        return new FeatureParquetWriter(parquet, schema.GetDataFields(), spec, spec.Hash, rowGroupRows);
    }

    /// <summary>Adds one row; writes a row group when <see cref="RowGroupRows"/> rows are buffered.</summary>
    /// <exception cref="InvalidOperationException">The snapshot does not fit the file (see the class summary), or the file is complete.</exception>
    public async ValueTask AddAsync(FeatureSnapshot snapshot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ObjectDisposedException.ThrowIf(_completed, this);
        Check(snapshot);
        var row = _buffered;
        _symbols[row] = snapshot.Symbol;
        _times[row] = new DateTime(snapshot.Time, DateTimeKind.Utc);
        _ticks[row] = snapshot.Time;
        _warmUp[row] = snapshot.Quality.HasFlag(DataQuality.WarmUp);
        _stale[row] = snapshot.Quality.HasFlag(DataQuality.Stale);
        _bookOutOfSync[row] = snapshot.Quality.HasFlag(DataQuality.BookOutOfSync);
        var values = snapshot.Values.AsSpan();
        for (var i = 0; i < values.Length; i++) _values[i][row] = values[i];
        _buffered++;
        Rows++;
        if (_buffered == RowGroupRows) await FlushAsync(ct);
    }

    /// <summary>
    /// Writes the last row group and the footer with the writer's metadata (<see cref="FeatureParquetMetadata.ForSpec"/>)
    /// followed by <paramref name="provenance"/>, in the order given.
    /// </summary>
    /// <exception cref="ArgumentException">A provenance key repeats or is one the writer sets.</exception>
    public async Task CompleteAsync(IEnumerable<KeyValuePair<string, string>> provenance, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(provenance);
        ObjectDisposedException.ThrowIf(_completed, this);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in FeatureParquetMetadata.ForSpec(_spec, _specHash)) metadata.Add(key, value);
        foreach (var (key, value) in provenance)
            if (!metadata.TryAdd(key, value)) throw new ArgumentException($"Metadata key '{key}' is set twice.", nameof(provenance));
        if (_buffered > 0) await FlushAsync(ct);
        _parquet.CustomMetadata = metadata;
        _completed = true;
        await _parquet.DisposeAsync();
    }

    /// <summary>
    /// Closes the file. Without <see cref="CompleteAsync"/> first, what is on the stream is no finished feature file
    /// (Parquet.Net still writes a footer, without the rows buffered and without the metadata): delete it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_completed) return;
        _completed = true;
        await _parquet.DisposeAsync();
    }

    private void Check(FeatureSnapshot snapshot)
    {
        if (!string.Equals(snapshot.SpecHash, _specHash, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"{snapshot.Symbol} at {snapshot.Time}: spec hash {snapshot.SpecHash}, but the file holds spec {_spec.Version} ({_specHash}).");
        if (snapshot.Values.Count != _values.Length)
            throw new InvalidOperationException($"{snapshot.Symbol} at {snapshot.Time}: {snapshot.Values.Count} values, but spec {_spec.Version} has {_values.Length}.");
        if ((snapshot.Quality & ~KnownFlags) != 0)
            throw new InvalidOperationException($"{snapshot.Symbol} at {snapshot.Time}: quality {snapshot.Quality} has a flag the file has no column for.");
        var values = snapshot.Values.AsSpan();
        for (var i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new InvalidOperationException(
                    $"{snapshot.Symbol} at {snapshot.Time}: {_spec.Features[i].Name} is {values[i]}, which the NaN policy of spec {_spec.Version} rules out.");
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        var n = _buffered;
        using (var group = _parquet.CreateRowGroup())
        {
            var f = 0;
            await group.WriteAsync(_fields[f++], new ArraySegment<string>(_symbols, 0, n));
            await group.WriteAsync(_fields[f++], new ReadOnlyMemory<DateTime>(_times, 0, n), cancellationToken: ct);
            await group.WriteAsync(_fields[f++], new ReadOnlyMemory<long>(_ticks, 0, n), cancellationToken: ct);
            await group.WriteAsync(_fields[f++], new ReadOnlyMemory<bool>(_warmUp, 0, n), cancellationToken: ct);
            await group.WriteAsync(_fields[f++], new ReadOnlyMemory<bool>(_stale, 0, n), cancellationToken: ct);
            await group.WriteAsync(_fields[f++], new ReadOnlyMemory<bool>(_bookOutOfSync, 0, n), cancellationToken: ct);
            foreach (var column in _values) await group.WriteAsync(_fields[f++], new ReadOnlyMemory<float>(column, 0, n), cancellationToken: ct);
            group.CompleteValidate();
        }
        Array.Clear(_symbols, 0, n);
        _buffered = 0;
        RowGroups++;
    }
}
