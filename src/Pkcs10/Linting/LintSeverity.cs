namespace Pkcs10.Linting;

/// <summary>How much a lint finding matters.</summary>
public enum LintSeverity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Notice = 0,

    /// <summary>Allowed, but likely to cause trouble or refused by some CAs.</summary>
    Warning = 1,

    /// <summary>Wrong by the cited standard; a CA should not issue from this request as it is.</summary>
    Error = 2,
}
