namespace Pkcs10.Pem;

/// <summary>The precise reason a PEM operation failed; <see cref="PemErrors"/> maps it to a <see cref="Pkcs10ErrorCode"/> and a message.</summary>
internal enum PemFailure : byte
{
    None = 0,

    // PemNoBlock / PemWrongLabel / PemMissingEndLine / PemLabelMismatch
    NoBlock,
    WrongLabel,
    MissingEndLine,
    LabelMismatch,

    // PemInvalidBoundary
    BeginNotAtLineStart,
    MissingSpace,
    Unterminated,
    InvalidLabel,
    BeginNotFollowedByLineBreak,
    EndNotAtLineStart,
    EndFollowedByText,
    EndNotFollowedByLineBreak,
    StrayDashes,

    // PemInvalidBase64
    InvalidCharacter,
    WhiteSpaceNotAllowed,
    LoneCarriageReturn,
    DataAfterPadding,
    MisplacedPadding,
    TooMuchPadding,
    IncompletePadding,
    IncompleteQuantum,
    LineTooLong,
    LineTooShort,
    EmptyLine,
    EmptyBody,
    NonCanonical,
}
