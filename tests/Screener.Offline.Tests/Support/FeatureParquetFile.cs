using Parquet;
using Parquet.Schema;
using Screener.Contracts;

namespace Screener.Offline.Tests.Support;

/// <summary>A feature file read back with Parquet.Net's column API: its schema, metadata, row groups, and every row.</summary>
/// <param name="Rows">Each row as the snapshot it stores (spec hash from the file's metadata).</param>
/// <param name="Times">The <c>time</c> column as read, one per row.</param>
/// <param name="RowGroupRows">Rows per row group, in file order.</param>
internal sealed record FeatureParquetFile(
    IReadOnlyList<DataField> Fields,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<long> RowGroupRows,
    IReadOnlyList<FeatureSnapshot> Rows,
    IReadOnlyList<DateTime> Times)
{
    public static async Task<FeatureParquetFile> ReadAsync(byte[] file)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(file));
        var fields = reader.Schema.GetDataFields();
        var hash = reader.CustomMetadata["screener.feature_spec.hash"];
        var groups = new List<long>();
        var rows = new List<FeatureSnapshot>();
        var times = new List<DateTime>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            groups.Add(n);
            var symbols = new string?[n];
            await group.ReadAsync(fields[0], symbols.AsMemory());
            var time = await Column<DateTime>(group, fields[1], n);
            var ticks = await Column<long>(group, fields[2], n);
            var warmUp = await Column<bool>(group, fields[3], n);
            var stale = await Column<bool>(group, fields[4], n);
            var outOfSync = await Column<bool>(group, fields[5], n);
            var features = new float[fields.Length - 6][];
            for (var f = 0; f < features.Length; f++) features[f] = await Column<float>(group, fields[6 + f], n);
            for (var i = 0; i < n; i++)
            {
                var quality = (warmUp[i] ? DataQuality.WarmUp : 0) | (stale[i] ? DataQuality.Stale : 0) | (outOfSync[i] ? DataQuality.BookOutOfSync : 0);
                var values = new float[features.Length];
                for (var f = 0; f < features.Length; f++) values[f] = features[f][i];
                rows.Add(new FeatureSnapshot(symbols[i]!, ticks[i], hash, EquatableArray.Create(values), quality));
                times.Add(time[i]);
            }
        }
        return new FeatureParquetFile(fields, reader.CustomMetadata, groups, rows, times);
    }

    private static async Task<T[]> Column<T>(ParquetRowGroupReader group, DataField field, int rows) where T : struct
    {
        var values = new T[rows];
        await group.ReadAsync(field, values.AsMemory());
        return values;
    }
}
