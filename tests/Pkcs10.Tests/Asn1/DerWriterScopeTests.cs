using Pkcs10.Asn1;

namespace Pkcs10.Tests.Asn1;

public class DerWriterScopeTests
{
    [Fact]
    public void Scope_DisposedTwiceAfterANewPush_ThrowsInsteadOfClosingTheNewScope()
    {
        using var writer = new DerWriter();
        DerWriter.Scope first = writer.PushSequence();
        first.Dispose();
        DerWriter.Scope second = writer.PushSequence();
        Assert.Throws<InvalidOperationException>(() => first.Dispose());
        writer.WriteNull();
        second.Dispose();
        Assert.Equal(Convert.FromHexString("30003002 0500".Replace(" ", "")), writer.Encode());
    }

    [Fact]
    public void Scope_ClosedOutOfOrder_Throws()
    {
        using var writer = new DerWriter();
        DerWriter.Scope outer = writer.PushSequence();
        DerWriter.Scope inner = writer.PushSetOf();
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        inner.Dispose();
        outer.Dispose();
        Assert.Equal([0x30, 0x02, 0x31, 0x00], writer.Encode());
    }
}
