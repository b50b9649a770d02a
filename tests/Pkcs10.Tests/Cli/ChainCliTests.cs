using System.Text.Json;
using Pkcs10.Cli;
using static Pkcs10.Tests.Chains.TestPki;

namespace Pkcs10.Tests.Cli;

/// <summary><c>pkcs10 chain</c>: exit codes, the text and JSON outputs, and the options.</summary>
public sealed class ChainCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pkcs10-chain-").FullName;
    private readonly string _root, _ica, _leaf, _time;

    public ChainCliTests()
    {
        Issued root = Root("CN=CLI Root", Key(KeyKind.P256, 0));
        Issued ica = Intermediate(root, "CN=CLI ICA", Key(KeyKind.P256, 0));
        Issued leaf = Leaf(ica, "CN=app.example.com", Key(KeyKind.P256, 0), dnsNames: ["app.example.com"]);
        _root = Write("root.pem", root.Certificate.EncodePem());
        _ica = Write("ica.pem", ica.Certificate.EncodePem());
        _leaf = Write("leaf.pem", leaf.Certificate.EncodePem());
        _time = Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Valid_path_exits_0_and_prints_each_element()
    {
        (int code, string output, _) = Run("chain", _leaf, "--intermediate", _ica, "--root", _root, "--time", _time, "--host", "app.example.com", "--eku", "serverAuth");

        Assert.Equal(0, code);
        Assert.Contains("valid path of 3 certificates", output, StringComparison.Ordinal);
        Assert.Contains("[0] leaf: CN=app.example.com", output, StringComparison.Ordinal);
        Assert.Contains("[2] trust anchor: CN=CLI Root", output, StringComparison.Ordinal);
        Assert.Contains("key EC P-256", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_host_exits_1_with_the_reason()
    {
        (int code, string output, _) = Run("chain", _leaf, "--intermediate", _ica, "--root", _root, "--time", _time, "--host", "other.example.com");

        Assert.Equal(1, code);
        Assert.Contains("PeerNameMismatch", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_has_the_chain_errors_and_work()
    {
        (int ok, string valid, _) = Run("chain", _leaf, "--intermediate", _ica, "--root", _root, "--time", _time, "--json");
        (int fail, string invalid, _) = Run("chain", _leaf, "--root", _root, "--time", _time, "--json");

        Assert.Equal(0, ok);
        JsonElement v = JsonDocument.Parse(valid).RootElement;
        Assert.True(v.GetProperty("valid").GetBoolean());
        Assert.Equal(3, v.GetProperty("chain").GetArrayLength());
        Assert.Equal("CN=app.example.com", v.GetProperty("chain")[0].GetProperty("subject").GetString());
        Assert.Equal(0, v.GetProperty("errors").GetArrayLength());
        Assert.Equal(2, v.GetProperty("work").GetProperty("signatureChecks").GetInt32());

        Assert.Equal(1, fail);
        JsonElement i = JsonDocument.Parse(invalid).RootElement;
        Assert.False(i.GetProperty("valid").GetBoolean());
        Assert.Equal(0, i.GetProperty("chain").GetArrayLength());
        Assert.Equal("NoIssuerFound", i.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void A_leaf_bundle_supplies_its_own_intermediates()
    {
        string bundle = Write("bundle.pem", File.ReadAllText(_leaf) + File.ReadAllText(_ica));

        Assert.Equal(0, Run("chain", bundle, "--root", _root, "--time", _time).Code);
    }

    [Theory]
    [InlineData("--time", "yesterday")]
    [InlineData("--ip", "not-an-ip")]
    [InlineData("--eku", "no such purpose")]
    public void Usage_errors_exit_2(string option, string value)
    {
        (int code, _, string error) = Run("chain", _leaf, "--root", _root, option, value);

        Assert.Equal(2, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Missing_root_option_or_file_exits_2()
    {
        Assert.Equal(2, Run("chain", _leaf).Code);
        Assert.Equal(2, Run("chain", _leaf, "--root", Path.Combine(_dir, "absent.pem")).Code);
    }
}
