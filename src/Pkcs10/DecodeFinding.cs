namespace Pkcs10;

/// <summary>A deviation from strict DER or RFC 2986 that lenient decoding accepted.</summary>
/// <param name="Code">What kind of deviation (the code strict decoding would have thrown).</param>
/// <param name="Message">A human-readable description.</param>
/// <param name="Offset">The byte offset of the deviation in the DER.</param>
public sealed record DecodeFinding(Pkcs10ErrorCode Code, string Message, int Offset);
