using System.Diagnostics.CodeAnalysis;

namespace Pkcs10.Internal;

internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Throw(Pkcs10ErrorCode code, string message, int? offset = null) =>
        throw new Pkcs10Exception(code, message, offset);

    [DoesNotReturn]
    public static T Throw<T>(Pkcs10ErrorCode code, string message, int? offset = null) =>
        throw new Pkcs10Exception(code, message, offset);
}
