using Pkcs10.Certificates;
using Pkcs10.Cli;

namespace Pkcs10.Tests.Cli;

/// <summary>The CA directory's records: the text format, atomic replacement, crashes between write and rename, and serial uniqueness.</summary>
public sealed class CaDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pkcs10-cadir-").FullName;

    public void Dispose()
    {
        CaDirectory.BeforeRename = null;
        IssueCommand.RandomSerial = null;
        Directory.Delete(_dir, recursive: true);
    }

    private string Temp(string name) => Path.Combine(_dir, name);

    private static void Ok((int Code, string Output, string Error) r) => Assert.True(r.Code == 0, r.Error + r.Output);

    private string Csr(string cn)
    {
        Ok(CaCliTests.Run("new", "--new-key", "ec:P-256", "--key-out", Temp(cn + ".key"), "--subject", "CN=" + cn, "--out", Temp(cn + ".csr")));
        return Temp(cn + ".csr");
    }

    private (int Code, string Error) Issue(string cn, string outName)
    {
        (int code, _, string error) = CaCliTests.Run("issue", "--ca", Temp("ca"), "--profile", "tls-server", Csr(cn), "--out", Temp(outName));
        return (code, error);
    }

    private List<string> IssuedSerials() => CaDirectory.ReadRecords(Temp("ca")).OfType<IssuedRecord>().Select(r => r.Serial).ToList();

    [Fact]
    public void Records_RoundTripEveryKindOfLine()
    {
        Ok(CaCliTests.Run("ca", "init", "--subject", "CN=Records Root", "--new-key", "ec:P-256", "--out-dir", Temp("ca")));
        CaDirectory ca = CaDirectory.Open(Temp("ca"));
        var time = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
        ca.Append(new IssuedRecord("A1B", time, "CN=a b,O=c\\, d"), new RevokedRecord("A1B", time, CrlReason.CessationOfOperation), new CrlRecord(7));
        Assert.Equal("issued A1B 2030-01-02T03:04:05Z CN=a b,O=c\\, d\nrevoked A1B 2030-01-02T03:04:05Z cessationOfOperation\ncrl 7\n",
            File.ReadAllText(Temp("ca/records.log")));
        Assert.Equal(ca.Records, CaDirectory.ReadRecords(Temp("ca")));
        Assert.Empty(Directory.GetFiles(Temp("ca"), "*.tmp"));
    }

    [Theory]
    [InlineData("unknown verb", "minted 01 2030-01-01T00:00:00Z CN=x")]
    [InlineData("non-hex serial", "issued XYZ 2030-01-01T00:00:00Z CN=x")]
    [InlineData("leading zero serial", "issued 001 2030-01-01T00:00:00Z CN=x")]
    [InlineData("torn line", "issued 01 2030-01-0")]
    [InlineData("bad reason", "revoked 01 2030-01-01T00:00:00Z removeFromCRL")]
    [InlineData("zero CRL number", "crl 0")]
    public void Records_MalformedLine_IsRejected(string why, string line)
    {
        Directory.CreateDirectory(Temp("ca"));
        File.WriteAllText(Temp("ca/records.log"), "crl 1\n" + line + "\n");
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => CaDirectory.ReadRecords(Temp("ca")));
        Assert.Contains(":2:", e.Message, StringComparison.Ordinal);
        _ = why;
    }

    [Fact]
    public void CrashBetweenWriteAndRename_KeepsTheOldRecordsAndNeverReusesASerial()
    {
        Ok(CaCliTests.Run("ca", "init", "--subject", "CN=Crash Root", "--new-key", "ec:P-256", "--out-dir", Temp("ca")));
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0, Issue($"host{i}.example", $"leaf{i}.pem").Code);
        }

        List<string> before = IssuedSerials();
        Assert.Equal(3, before.Distinct().Count());
        string recordsBefore = File.ReadAllText(Temp("ca/records.log"));

        // The crash: the new records file is complete and flushed under its temporary name, and the rename never happens.
        string? tempSeen = null;
        CaDirectory.BeforeRename = temp =>
        {
            tempSeen = temp;
            throw new SimulatedCrashException();
        };
        int crashed;
        try
        {
            crashed = Issue("host3.example", "leaf3.pem").Code;
        }
        catch (SimulatedCrashException)
        {
            crashed = -1;
        }
        finally
        {
            CaDirectory.BeforeRename = null;
        }

        Assert.NotEqual(0, crashed);
        Assert.NotNull(tempSeen);
        Assert.True(File.Exists(tempSeen), "the crash leaves the temporary file behind");
        Assert.Equal(Temp("ca"), Path.GetDirectoryName(tempSeen));
        Assert.False(File.Exists(Temp("leaf3.pem")), "no certificate leaves the CA before its serial is recorded");
        Assert.Equal(recordsBefore, File.ReadAllText(Temp("ca/records.log")));
        Assert.Equal(before, IssuedSerials());

        // A torn temporary file from an earlier crash is ignored too.
        File.WriteAllText(Temp("ca/records.log.0123.tmp"), "issued 7F");
        Assert.Equal(before, IssuedSerials());

        // The next issuance works, and its serial is new even when the random source first repeats an old one.
        byte[] old = Convert.FromHexString(before[1].PadLeft(32, '0'));
        int calls = 0;
        IssueCommand.RandomSerial = () => calls++ == 0 ? (byte[])old.Clone() : System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
        (int code, string error) = Issue("host4.example", "leaf4.pem");
        Assert.True(code == 0, error);
        Assert.True(calls >= 2, "the colliding serial was regenerated");
        List<string> after = IssuedSerials();
        Assert.Equal(4, after.Count);
        Assert.Equal(before, after.Take(3));
        Assert.DoesNotContain(after[3], before);
        Assert.Equal(after[3], CaDirectory.SerialOf(Certificate.Load(File.ReadAllBytes(Temp("leaf4.pem")))));
    }

    [Fact]
    public void NewSerial_SkipsRecordedSerials()
    {
        Ok(CaCliTests.Run("ca", "init", "--subject", "CN=Serial Root", "--new-key", "ec:P-256", "--out-dir", Temp("ca")));
        CaDirectory ca = CaDirectory.Open(Temp("ca"));
        byte[] first = new byte[16];
        first[0] = 0x41;
        byte[] second = new byte[16];
        second[0] = 0x42;
        ca.Append(new IssuedRecord(CaDirectory.NormaliseSerial(Convert.ToHexString(first))!, DateTimeOffset.UnixEpoch, "CN=x"));
        var queue = new Queue<byte[]>([first, first, second]);
        IssueCommand.RandomSerial = () => (byte[])queue.Dequeue().Clone();
        Assert.Equal(second, IssueCommand.NewSerial(ca));
        Assert.Empty(queue);
    }

    [Fact]
    public void WriteAtomically_OrdinaryFailure_RemovesTheTemporaryFile()
    {
        Directory.CreateDirectory(Temp("d"));
        File.WriteAllText(Temp("d/f"), "old");
        CaDirectory.BeforeRename = _ => throw new IOException("disk full");
        Assert.Throws<IOException>(() => CaDirectory.WriteAtomically(Temp("d/f"), "new", ownerOnly: false));
        CaDirectory.BeforeRename = null;
        Assert.Equal("old", File.ReadAllText(Temp("d/f")));
        Assert.Single(Directory.GetFiles(Temp("d")));
        CaDirectory.WriteAtomically(Temp("d/f"), "new", ownerOnly: true);
        Assert.Equal("new", File.ReadAllText(Temp("d/f")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Temp("d/f")));
        }
    }
}
