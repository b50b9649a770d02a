namespace Pkcs10.Tests.Infrastructure;

/// <summary>
/// Locates the external conformance suites (x509-limbo, Wycheproof, pyca, Go, PKITS, ...), which are
/// read at run time and never committed here: <c>$PKCS10_TESTDATA</c>, else <c>../shared/testdata</c>
/// beside the repository. When the folder is missing the test fails under <c>CI=true</c> and is
/// skipped with a message elsewhere.
/// </summary>
internal static class SharedTestData
{
    private static readonly Lazy<string?> s_root = new(Locate);

    public static string? Root => s_root.Value;

    /// <summary>Returns the full path of <paramref name="relative"/> inside the test data folder, or skips/fails.</summary>
    public static string Require(string relative)
    {
        string? root = Root;
        if (root is null)
        {
            string message = "External test data not found: set PKCS10_TESTDATA or place shared/testdata beside the repository (../shared/testdata).";
            if (IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        string path = Path.Combine(root!, relative);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Fail($"External test data is present at {root} but lacks {relative}.");
        }

        return path;
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Locate()
    {
        string? env = Environment.GetEnvironmentVariable("PKCS10_TESTDATA");
        if (!string.IsNullOrEmpty(env))
        {
            return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        }

        // Walk up from the test binary to the repository root (the folder holding Pkcs10.sln).
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pkcs10.sln")))
            {
                string candidate = Path.Combine(dir.FullName, "..", "shared", "testdata");
                return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}

/// <summary>Locates fixtures committed in this repository (tests/Pkcs10.Tests/TestVectors, samples/data).</summary>
internal static class RepoTestData
{
    public static string TestVectors(string relative) => Path.Combine(AppContext.BaseDirectory, "TestVectors", relative);

    public static string RepoRoot
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Pkcs10.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("repository root not found");
        }
    }
}
