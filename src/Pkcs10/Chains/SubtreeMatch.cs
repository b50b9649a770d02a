namespace Pkcs10.Chains;

/// <summary>The answer of one name-against-subtree comparison in <see cref="NameConstraintMatcher"/>.</summary>
internal enum SubtreeMatch
{
    /// <summary>The name is outside the subtree.</summary>
    NoMatch,

    /// <summary>The name is inside the subtree.</summary>
    Match,

    /// <summary>The subtree's base is not a valid constraint of its type.</summary>
    MalformedConstraint,

    /// <summary>The name is not a valid name of its type.</summary>
    MalformedName,
}
