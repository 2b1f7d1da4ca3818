using System.Buffers.Binary;
using System.Text.Json;
using Parquet.Schema;
using Screener.Analytics.Features;
using Screener.Analytics.Scoring;
using Screener.Binance.Normalise;
using Screener.Contracts;
using Screener.Offline.BuildFeatures;
using Screener.Offline.Tests.Support;
using Screener.Pipeline;

namespace Screener.Offline.Tests.BuildFeatures;

/// <summary>
/// The feature file: what the builder gives is what comes back, bit for bit, under the declared schema and metadata,
/// and the file is Parquet by the format's own definition, not only by Parquet.Net's reading of it.
/// </summary>
public sealed class FeatureParquetWriterSpec
{
    private const int RowGroupRows = 200;
    private static readonly FeatureSpec Spec = MarketFeatures.Spec;
    private static readonly KeyValuePair<string, string>[] Provenance = [new("screener.source.journal", "test.db"), new("screener.source.frames", "42")];

    /// <summary>A simulator session's snapshots as the builder makes them: every quality flag shows up in it.</summary>
    private static readonly Lazy<List<FeatureSnapshot>> Session = new(() =>
    {
        var settings = PipelineSettings.Default;
        var builder = new OfflineFeatureBuilder(settings,
            OfflineFeatureBuilder.OfflineServices(new BinanceFrameDecoder(), new BaselineScorer(settings.Scoring), Spec));
        return builder.Build(SimSession.Record(new SimSessionOptions(Steps: 400))).ToList();
    });

    [Fact]
    public async Task FeatureParquetWriter_must_store_every_snapshot_so_that_it_reads_back_bit_for_bit_in_order()
    {
        var snapshots = Session.Value;
        Assert.Contains(snapshots, s => s.Quality == DataQuality.Ok);
        foreach (var flag in new[] { DataQuality.WarmUp, DataQuality.Stale, DataQuality.BookOutOfSync })
            Assert.Contains(snapshots, s => s.Quality.HasFlag(flag));

        var (bytes, writer) = await WriteAsync(snapshots);
        var file = await FeatureParquetFile.ReadAsync(bytes);

        SnapshotAssert.IdenticalInOrder(snapshots, file.Rows);
        Assert.Equal(snapshots.Select(s => new DateTime(s.Time - s.Time % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc)), file.Times);
        Assert.All(file.Times, t => Assert.Equal(DateTimeKind.Utc, t.Kind));
        var groups = (snapshots.Count + RowGroupRows - 1) / RowGroupRows;
        Assert.Equal(groups, file.RowGroupRows.Count);
        Assert.All(file.RowGroupRows.SkipLast(1), n => Assert.Equal(RowGroupRows, n));
        Assert.Equal(groups, writer.RowGroups);
        Assert.Equal(snapshots.Count, writer.Rows);
    }

    [Fact]
    public async Task FeatureParquetWriter_must_keep_the_exact_bits_of_edge_values_and_sub_millisecond_times()
    {
        var edges = new[] { -0f, 0f, float.Epsilon, -float.Epsilon, 1.17549435e-38f, float.MaxValue, float.MinValue, 1f / 3 };
        var values = Enumerable.Range(0, Spec.Features.Count).Select(i => edges[i % edges.Length]).ToArray();
        var time = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc).Ticks + 1_234_567;
        var snapshot = new FeatureSnapshot("EDGEUSDT", time, Spec.Hash, EquatableArray.Create(values), DataQuality.WarmUp | DataQuality.BookOutOfSync);

        var file = await FeatureParquetFile.ReadAsync((await WriteAsync([snapshot])).Bytes);

        SnapshotAssert.IdenticalInOrder([snapshot], file.Rows);
        Assert.Equal(new DateTime(time - 4_567, DateTimeKind.Utc), Assert.Single(file.Times));
    }

    [Fact]
    public async Task FeatureParquetWriter_must_declare_the_spec_columns_in_order_with_their_types_and_the_spec_in_the_metadata()
    {
        var (bytes, _) = await WriteAsync(Session.Value.Take(10).ToList());
        var file = await FeatureParquetFile.ReadAsync(bytes);

        string[] leading = ["symbol", "time", "time_ticks", "warm_up", "stale", "book_out_of_sync"];
        Assert.Equal(leading.Concat(Spec.Features.Select(f => f.Name)), file.Fields.Select(f => f.Name));
        Assert.Equal(72, file.Fields.Count);
        Type[] leadingTypes = [typeof(ReadOnlyMemory<char>), typeof(DateTime), typeof(long), typeof(bool), typeof(bool), typeof(bool)];
        Assert.Equal(leadingTypes.Concat(Enumerable.Repeat(typeof(float), 66)), file.Fields.Select(f => f.ClrType));
        Assert.All(file.Fields, f => Assert.False(f.IsNullable, $"{f.Name} is nullable"));
        var time = Assert.IsType<DateTimeDataField>(file.Fields[1]);
        Assert.Equal(DateTimeFormat.Timestamp, time.DateTimeFormat);
        Assert.Equal(DateTimeTimeUnit.Millis, time.Unit);
        Assert.True(time.IsAdjustedToUTC);

        var metadata = file.Metadata;
        Assert.Equal("1", metadata["screener.writer.format_version"]);
        Assert.Equal(FeatureParquetMetadata.Writer, metadata["screener.writer.version"]);
        Assert.False(string.IsNullOrWhiteSpace(FeatureParquetMetadata.Writer));
        Assert.Equal("market-v1", metadata["screener.feature_spec.version"]);
        Assert.Equal(Spec.Hash, metadata["screener.feature_spec.hash"]);
        Assert.Equal(Spec.NanPolicy, metadata["screener.feature_spec.nan_policy"]);
        using var features = JsonDocument.Parse(metadata["screener.feature_spec.features"]);
        var listed = features.RootElement.EnumerateArray()
            .Select(f => new FeatureDefinition(Str(f, "name"), Str(f, "window"), Str(f, "unit"), Str(f, "meaning"))).ToList();
        Assert.Equal(Spec.Features, listed);
        Assert.Equal(Spec.Hash, (Spec with { Features = listed }).Hash);
        Assert.Equal("test.db", metadata["screener.source.journal"]);
        Assert.Equal("42", metadata["screener.source.frames"]);
    }

    [Fact]
    public async Task Feature_file_must_be_parquet_by_the_format_definition_read_without_Parquet_Net()
    {
        var snapshots = Session.Value;
        var (bytes, _) = await WriteAsync(snapshots);
        var viaParquetNet = await FeatureParquetFile.ReadAsync(bytes);

        var footer = ParquetFooter.Read(bytes);

        Assert.InRange(footer.FooterLength, 100, bytes.Length - 12);
        Assert.InRange(footer.Version, 1, 2);
        Assert.StartsWith("Parquet.Net", footer.CreatedBy);
        var root = footer.Schema[0];
        Assert.Equal(72, root.NumChildren);
        Assert.Null(root.Type);
        var columns = footer.Schema.Skip(1).ToList();
        Assert.Equal(viaParquetNet.Fields.Select(f => f.Name), columns.Select(c => c.Name));
        Assert.All(columns, c => Assert.Equal(0, c.Repetition)); // REQUIRED
        Assert.Equal((6, 0, 1), (columns[0].Type, columns[0].ConvertedType, columns[0].LogicalType)); // BYTE_ARRAY, UTF8, STRING
        Assert.Equal((2, 8, true, 1), (columns[1].Type, columns[1].LogicalType, columns[1].TimestampUtc, columns[1].TimestampUnit)); // INT64, TIMESTAMP(UTC, MILLIS)
        Assert.Equal(2, columns[2].Type); // INT64
        Assert.All(columns.Skip(3).Take(3), c => Assert.Equal(0, c.Type)); // BOOLEAN
        Assert.All(columns.Skip(6), c => Assert.Equal((4, (int?)null), (c.Type, c.LogicalType))); // FLOAT, plain

        Assert.Equal(snapshots.Count, footer.NumRows);
        Assert.Equal(viaParquetNet.RowGroupRows, footer.RowGroups.Select(g => g.NumRows));
        var start = 0;
        foreach (var group in footer.RowGroups)
        {
            Assert.Equal(columns.Select(c => c.Name), group.Columns.Select(c => c.Path));
            Assert.All(group.Columns, c => Assert.Equal((group.NumRows, 1), (c.NumValues, c.Codec))); // SNAPPY
            // Readers prune row groups by these statistics, so they must be in the column's own unit.
            var rows = snapshots.Skip(start).Take((int)group.NumRows).ToList();
            var epochMs = rows.Select(s => (s.Time - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond).ToList();
            Assert.Equal((epochMs.Min(), epochMs.Max()), Int64Stats(group.Columns[1]));
            Assert.Equal((rows.Min(s => s.Time), rows.Max(s => s.Time)), Int64Stats(group.Columns[2]));
            start += (int)group.NumRows;
        }
        Assert.Equal(viaParquetNet.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal), footer.KeyValues.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Equal(
            ["screener.writer.format_version", "screener.writer.version", "screener.feature_spec.version", "screener.feature_spec.hash",
             "screener.feature_spec.nan_policy", "screener.feature_spec.features", "screener.source.journal", "screener.source.frames"],
            footer.KeyValues.Select(kv => kv.Key));
    }

    [Fact]
    public async Task FeatureParquetWriter_must_write_the_same_bytes_for_the_same_snapshots()
    {
        var first = await WriteAsync(Session.Value);
        var second = await WriteAsync(Session.Value);
        var shifted = await WriteAsync(Session.Value.Select(s => s with { Time = s.Time + TimeSpan.TicksPerMillisecond }).ToList());

        Assert.Equal(first.Bytes, second.Bytes);
        Assert.NotEqual(first.Bytes, shifted.Bytes);
    }

    [Fact]
    public async Task FeatureParquetWriter_must_refuse_a_snapshot_it_cannot_store_faithfully()
    {
        var good = Session.Value[0];
        var bad = new (FeatureSnapshot Snapshot, string Says)[]
        {
            (good with { SpecHash = "0000000000000000" }, "spec hash"),
            (good with { Values = EquatableArray.Create(new float[65]) }, "65 values"),
            (good with { Quality = (DataQuality)8 }, "no column"),
            (good with { Values = With(good, 3, float.NaN) }, "depth_imbalance_l5 is NaN"),
            (good with { Values = With(good, 0, float.PositiveInfinity) }, "spread_bps is "),
        };
        await using var writer = await FeatureParquetWriter.CreateAsync(new MemoryStream(), Spec, RowGroupRows);
        foreach (var (snapshot, says) in bad)
            Assert.Contains(says, (await Assert.ThrowsAsync<InvalidOperationException>(() => writer.AddAsync(snapshot).AsTask())).Message);
        Assert.Equal(0, writer.Rows);

        await writer.AddAsync(good);
        var clash = await Assert.ThrowsAsync<ArgumentException>(() => writer.CompleteAsync([new("screener.feature_spec.hash", "forged")]));
        Assert.Contains("screener.feature_spec.hash", clash.Message);
        await writer.CompleteAsync(Provenance);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => writer.AddAsync(good).AsTask());
    }

    private static async Task<(byte[] Bytes, FeatureParquetWriter Writer)> WriteAsync(IReadOnlyList<FeatureSnapshot> snapshots)
    {
        var stream = new MemoryStream();
        await using var writer = await FeatureParquetWriter.CreateAsync(stream, Spec, RowGroupRows);
        foreach (var snapshot in snapshots) await writer.AddAsync(snapshot);
        await writer.CompleteAsync(Provenance);
        return (stream.ToArray(), writer);
    }

    private static EquatableArray<float> With(FeatureSnapshot snapshot, int index, float value)
    {
        var values = snapshot.Values.AsSpan().ToArray();
        values[index] = value;
        return EquatableArray.Create(values);
    }

    private static (long Min, long Max) Int64Stats(ParquetColumnChunk column) =>
        (BinaryPrimitives.ReadInt64LittleEndian(column.MinValue!), BinaryPrimitives.ReadInt64LittleEndian(column.MaxValue!));

    private static string Str(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
