using Pkcs10.Asn1;

namespace Pkcs10.Certificates;

/// <summary>
/// A hash index from serial number (INTEGER content octets) to entry position over a validated revokedCertificates
/// list, with a chain for repeated serials (indirect CRLs may list one serial for several issuers). Lookups take a
/// span and allocate nothing.
/// </summary>
internal sealed class SerialIndex
{
    private readonly Dictionary<ReadOnlyMemory<byte>, int> _first;
    private readonly Dictionary<ReadOnlyMemory<byte>, int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly int[]? _next;

    public SerialIndex(ReadOnlyMemory<byte> source, int start, int length, int count)
    {
        _first = new Dictionary<ReadOnlyMemory<byte>, int>(count, SerialComparer.Instance);
        int[]? next = null;
        int[] last = new int[count];
        var seq = new DerReader(source.Span.Slice(start, length), start);
        for (int i = 0; i < count; i++)
        {
            DerReader entry = seq.ReadSequence(0x30);
            ReadOnlySpan<byte> serial = entry.ReadIntegerBytes(out int serialStart);
            ReadOnlyMemory<byte> key = source.Slice(serialStart, serial.Length);
            if (_first.TryGetValue(key, out int head))
            {
                // Append to the chain of this serial, keeping encoded order; last[head] is the chain's tail.
                next ??= CreateChain(count);
                next[last[head]] = i;
                last[head] = i;
            }
            else
            {
                _first.Add(key, i);
                last[i] = i;
            }
        }

        _next = next;
        _lookup = _first.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The position of the first entry with this serial, or -1.</summary>
    public int First(ReadOnlySpan<byte> serial) => _lookup.TryGetValue(serial, out int i) ? i : -1;

    /// <summary>The position of the next entry with the same serial as entry <paramref name="i"/>, or -1.</summary>
    public int Next(int i) => _next is null ? -1 : _next[i];

    private static int[] CreateChain(int count)
    {
        int[] next = new int[count];
        Array.Fill(next, -1);
        return next;
    }

    private sealed class SerialComparer : IEqualityComparer<ReadOnlyMemory<byte>>, IAlternateEqualityComparer<ReadOnlySpan<byte>, ReadOnlyMemory<byte>>
    {
        public static readonly SerialComparer Instance = new();

        public bool Equals(ReadOnlyMemory<byte> x, ReadOnlyMemory<byte> y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(ReadOnlyMemory<byte> obj) => GetHashCode(obj.Span);

        public bool Equals(ReadOnlySpan<byte> alternate, ReadOnlyMemory<byte> other) => alternate.SequenceEqual(other.Span);

        // HashCode is seeded per process, so crafted serials cannot aim at one bucket.
        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public ReadOnlyMemory<byte> Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
