namespace Pkcs10.Chains;

/// <summary>Why a certificate's names fail a nameConstraints extension (RFC 5280 §4.2.1.10).</summary>
internal enum NameConstraintViolationKind
{
    /// <summary>A name of a type with permitted subtrees lies in none of them.</summary>
    NotPermitted,

    /// <summary>A name lies in an excluded subtree.</summary>
    Excluded,

    /// <summary>
    /// A subtree is malformed: minimum not 0, maximum present, a dNSName with a wildcard or bad syntax, an rfc822Name
    /// or URI that is not a mailbox/host/.domain, an iPAddress mask that is not contiguous. The validator must reject.
    /// </summary>
    MalformedConstraint,

    /// <summary>A certificate name that constraints of its type apply to is not a valid name of that type.</summary>
    MalformedName,

    /// <summary>The certificate has a name of a type this library cannot check (otherName, x400Address, ediPartyName, registeredID) and the constraints have subtrees of that type.</summary>
    UnsupportedNameType,

    /// <summary>The comparison budget ran out; fatal for path building.</summary>
    BudgetExhausted,
}
