using System.Buffers.Binary;
using System.Text;

namespace Screener.Offline.Tests.Support;

/// <summary>One schema element of a Parquet footer (parquet-format's <c>SchemaElement</c>).</summary>
/// <param name="Type">Physical type: 0 BOOLEAN, 1 INT32, 2 INT64, 3 INT96, 4 FLOAT, 5 DOUBLE, 6 BYTE_ARRAY, 7 FIXED_LEN_BYTE_ARRAY; null for a group.</param>
/// <param name="Repetition">0 REQUIRED, 1 OPTIONAL, 2 REPEATED.</param>
/// <param name="ConvertedType">The legacy annotation: 0 UTF8, 9 TIMESTAMP_MILLIS, 10 TIMESTAMP_MICROS, 18 INT_64, …</param>
/// <param name="LogicalType">The LogicalType union's field id: 1 STRING, 8 TIMESTAMP, 10 INTEGER, …</param>
/// <param name="TimestampUtc">TIMESTAMP's isAdjustedToUTC.</param>
/// <param name="TimestampUnit">TIMESTAMP's unit: 1 MILLIS, 2 MICROS, 3 NANOS.</param>
internal sealed record ParquetSchemaElement(
    string Name, int? Type, int? Repetition, int? NumChildren, int? ConvertedType, int? LogicalType, bool? TimestampUtc, int? TimestampUnit);

/// <summary>One column chunk of a row group: its path, physical type, codec, value count and raw min/max statistics.</summary>
internal sealed record ParquetColumnChunk(string Path, int Type, int Codec, long NumValues, byte[]? MinValue, byte[]? MaxValue);

internal sealed record ParquetRowGroup(long NumRows, IReadOnlyList<ParquetColumnChunk> Columns);

/// <summary>
/// A Parquet file's framing and footer read without Parquet.Net, from the format's definition alone (parquet-format's
/// <c>parquet.thrift</c> in the Thrift compact protocol): <c>PAR1</c> at both ends, the 4-byte little-endian footer
/// length before the closing magic, and <c>FileMetaData</c>'s version, schema, row count, row groups (row counts and
/// each column chunk's metadata and statistics), key-value metadata and <c>created_by</c>. Fields it does not need are
/// skipped by their wire type, as any Thrift reader does, so the check reads the bytes another reader would.
/// </summary>
internal sealed record ParquetFooter(
    int Version,
    IReadOnlyList<ParquetSchemaElement> Schema,
    long NumRows,
    IReadOnlyList<ParquetRowGroup> RowGroups,
    IReadOnlyList<KeyValuePair<string, string>> KeyValues,
    string? CreatedBy,
    int FooterLength)
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    public static ParquetFooter Read(byte[] file)
    {
        if (file.Length < 12 || !file.AsSpan(0, 4).SequenceEqual(Magic) || !file.AsSpan(file.Length - 4).SequenceEqual(Magic))
            throw new FormatException("Not a Parquet file: no PAR1 at both ends.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8, 4));
        if (length <= 0 || length > file.Length - 12) throw new FormatException($"Footer length {length} does not fit a {file.Length}-byte file.");
        var thrift = new Compact(file, file.Length - 8 - length);
        var footer = ReadFileMetaData(thrift) with { FooterLength = length };
        if (thrift.Position != file.Length - 8) throw new FormatException($"The footer ends at {thrift.Position}, not at the length's {file.Length - 8}.");
        return footer;
    }

    private static ParquetFooter ReadFileMetaData(Compact t)
    {
        int version = 0;
        long rows = 0;
        string? createdBy = null;
        var schema = new List<ParquetSchemaElement>();
        var groups = new List<ParquetRowGroup>();
        var keyValues = new List<KeyValuePair<string, string>>();
        t.Struct((id, type) =>
        {
            switch (id)
            {
                case 1: version = (int)t.Int(); break;
                case 2: t.List(_ => schema.Add(ReadSchemaElement(t))); break;
                case 3: rows = t.Int(); break;
                case 4: t.List(_ => groups.Add(ReadRowGroup(t))); break;
                case 5: t.List(_ => keyValues.Add(ReadKeyValue(t))); break;
                case 6: createdBy = t.String(); break;
                default: t.Skip(type); break;
            }
        });
        return new ParquetFooter(version, schema, rows, groups, keyValues, createdBy, 0);
    }

    private static ParquetSchemaElement ReadSchemaElement(Compact t)
    {
        string name = "";
        int? type = null, repetition = null, children = null, converted = null, logical = null, unit = null;
        bool? utc = null;
        t.Struct((id, wire) =>
        {
            switch (id)
            {
                case 1: type = (int)t.Int(); break;
                case 3: repetition = (int)t.Int(); break;
                case 4: name = t.String(); break;
                case 5: children = (int)t.Int(); break;
                case 6: converted = (int)t.Int(); break;
                case 10:
                    t.Struct((kind, kindWire) =>
                    {
                        logical = kind;
                        if (kind != 8)
                        {
                            t.Skip(kindWire);
                            return;
                        }
                        t.Struct((field, fieldWire) =>
                        {
                            if (field == 1) utc = t.Bool(fieldWire);
                            else if (field == 2) t.Struct((u, uWire) => { unit = u; t.Skip(uWire); });
                            else t.Skip(fieldWire);
                        });
                    });
                    break;
                default: t.Skip(wire); break;
            }
        });
        return new ParquetSchemaElement(name, type, repetition, children, converted, logical, utc, unit);
    }

    private static ParquetRowGroup ReadRowGroup(Compact t)
    {
        long rows = 0;
        var columns = new List<ParquetColumnChunk>();
        t.Struct((id, wire) =>
        {
            if (id == 1) t.List(_ => columns.Add(ReadColumnChunk(t)));
            else if (id == 3) rows = t.Int();
            else t.Skip(wire);
        });
        return new ParquetRowGroup(rows, columns);
    }

    private static ParquetColumnChunk ReadColumnChunk(Compact t)
    {
        ParquetColumnChunk? chunk = null;
        t.Struct((id, wire) =>
        {
            if (id != 3)
            {
                t.Skip(wire);
                return;
            }
            int type = -1, codec = -1;
            long values = 0;
            var path = new List<string>();
            byte[]? min = null, max = null;
            t.Struct((field, fieldWire) =>
            {
                switch (field)
                {
                    case 1: type = (int)t.Int(); break;
                    case 3: t.List(_ => path.Add(t.String())); break;
                    case 4: codec = (int)t.Int(); break;
                    case 5: values = t.Int(); break;
                    case 12:
                        t.Struct((s, sWire) =>
                        {
                            if (s == 5) max = t.Binary();
                            else if (s == 6) min = t.Binary();
                            else t.Skip(sWire);
                        });
                        break;
                    default: t.Skip(fieldWire); break;
                }
            });
            chunk = new ParquetColumnChunk(string.Join('.', path), type, codec, values, min, max);
        });
        return chunk ?? throw new FormatException("A column chunk without metadata.");
    }

    private static KeyValuePair<string, string> ReadKeyValue(Compact t)
    {
        string key = "", value = "";
        t.Struct((id, wire) =>
        {
            if (id == 1) key = t.String();
            else if (id == 2) value = t.String();
            else t.Skip(wire);
        });
        return new(key, value);
    }

    /// <summary>The Thrift compact protocol, reading only: field headers with id deltas, zigzag varints, binaries, lists, structs.</summary>
    private sealed class Compact(byte[] bytes, int position)
    {
        private const int True = 1, False = 2, Byte = 3, I16 = 4, I32 = 5, I64 = 6, Double = 7, Binary_ = 8, ListType = 9, SetType = 10, MapType = 11, StructType = 12;

        public int Position => position;

        /// <summary>Reads a struct's fields up to its stop byte, calling <paramref name="field"/> with each field id and wire type.</summary>
        public void Struct(Action<int, int> field)
        {
            var last = 0;
            while (true)
            {
                var header = bytes[position++];
                if (header == 0) return;
                var type = header & 0x0F;
                var delta = header >> 4;
                var id = delta != 0 ? last + delta : (int)ZigZag(Varint());
                last = id;
                field(id, type);
            }
        }

        public void List(Action<int> element)
        {
            var header = bytes[position++];
            var size = header >> 4;
            if (size == 15) size = (int)Varint();
            for (var i = 0; i < size; i++) element(i);
        }

        public long Int() => ZigZag(Varint());

        /// <summary>A struct field's bool lives in its wire type.</summary>
        public bool Bool(int wireType) => wireType == True;

        public byte[] Binary()
        {
            var length = (int)Varint();
            var value = bytes.AsSpan(position, length).ToArray();
            position += length;
            return value;
        }

        public string String() => Encoding.UTF8.GetString(Binary());

        public void Skip(int type)
        {
            switch (type)
            {
                case True or False: break;
                case Byte: position++; break;
                case I16 or I32 or I64: Varint(); break;
                case Double: position += 8; break;
                case Binary_: Binary(); break;
                case ListType or SetType:
                    var header = bytes[position++];
                    var size = header >> 4;
                    if (size == 15) size = (int)Varint();
                    for (var i = 0; i < size; i++) SkipElement(header & 0x0F);
                    break;
                case MapType:
                    var count = (int)Varint();
                    if (count == 0) break;
                    var kinds = bytes[position++];
                    for (var i = 0; i < count; i++)
                    {
                        SkipElement(kinds >> 4);
                        SkipElement(kinds & 0x0F);
                    }
                    break;
                case StructType: Struct((_, t) => Skip(t)); break;
                default: throw new FormatException($"Unknown compact type {type} at {position}.");
            }
        }

        /// <summary>In a collection a bool is a whole byte, unlike in a struct field.</summary>
        private void SkipElement(int type)
        {
            if (type is True or False) position++;
            else Skip(type);
        }

        private ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = bytes[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return value;
            }
        }

        private static long ZigZag(ulong n) => (long)(n >> 1) ^ -(long)(n & 1);
    }
}
