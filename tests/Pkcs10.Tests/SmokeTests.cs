namespace Pkcs10.Tests;

public class SmokeTests
{
    [Fact]
    public void Works() => Assert.Equal(2, 1 + 1);

    [FsCheck.Xunit.Property]
    public bool Prop(int x) => x + 0 == x;
}
