using Parquet.Schema;
using Screener.Analytics.Features;

namespace Screener.Offline.BuildFeatures;

/// <summary>
/// The columns of a feature file, in order: <c>symbol</c> (UTF-8 string), <c>time</c> (timestamp, UTC, milliseconds),
/// <c>time_ticks</c> (int64, the snapshot's exact UTC ticks), <c>warm_up</c>, <c>stale</c>, <c>book_out_of_sync</c>
/// (booleans, the snapshot's <see cref="Contracts.DataQuality"/> flags), then one float32 column per feature, named as in
/// the spec and in spec order. Every column is required (no nulls): the NaN policy says no feature value is missing.
/// <para>Milliseconds, not microseconds: snapshot times are cadence ticks (whole milliseconds at any cadence in
/// whole milliseconds, such as the default 250 ms), and Parquet.Net 6.1.0
/// writes the min/max statistics of a microsecond timestamp column in milliseconds (aloneguid/parquet-dotnet#769), which
/// would let a reader that prunes row groups by statistics skip rows it needs. <c>time_ticks</c> keeps the exact value.</para>
/// </summary>
public static class FeatureParquetSchema
{
    public const string Symbol = "symbol";
    public const string Time = "time";
    public const string TimeTicks = "time_ticks";
    public const string WarmUp = "warm_up";
    public const string Stale = "stale";
    public const string BookOutOfSync = "book_out_of_sync";

    /// <summary>The columns before the features, in order.</summary>
    public static IReadOnlyList<string> LeadingColumns { get; } = [Symbol, Time, TimeTicks, WarmUp, Stale, BookOutOfSync];

    /// <summary>The schema for <paramref name="spec"/>.</summary>
    /// <exception cref="ArgumentException">A feature name repeats or is one of <see cref="LeadingColumns"/>.</exception>
    public static ParquetSchema Create(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = new HashSet<string>(LeadingColumns, StringComparer.Ordinal);
        var fields = new List<Field>(LeadingColumns.Count + spec.Features.Count)
        {
            new DataField<string>(Symbol, nullable: false),
            new DateTimeDataField(Time, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: false),
            new DataField<long>(TimeTicks, nullable: false),
            new DataField<bool>(WarmUp, nullable: false),
            new DataField<bool>(Stale, nullable: false),
            new DataField<bool>(BookOutOfSync, nullable: false),
        };
        foreach (var feature in spec.Features)
        {
            if (!names.Add(feature.Name))
                throw new ArgumentException($"Feature '{feature.Name}' of spec {spec.Version} repeats a column name; a feature file needs unique column names.", nameof(spec));
            fields.Add(new DataField<float>(feature.Name, nullable: false));
        }
        return new ParquetSchema(fields);
    }
}
