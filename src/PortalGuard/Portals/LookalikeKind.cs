namespace PortalGuard.Portals;

/// <summary>How a host imitates a catalog portal.</summary>
internal enum LookalikeKind
{
    /// <summary>Same confusable skeleton as a catalog name: <c>mychаrt</c> with a Cyrillic <c>а</c>, <c>heal0w.com</c>.</summary>
    Homograph,

    /// <summary>One character inserted, removed, replaced, or two neighbours swapped (<c>followmyhealht.com</c>), or hyphens added.</summary>
    EditDistance,

    /// <summary>A catalog name written as labels of another domain: <c>mychart.ucsf.edu.login-check.net</c>, <c>kaiserpermanente-org.com</c>.</summary>
    TargetEmbedding,

    /// <summary>A portal brand joined to a word such as login or secure: <c>mychart-login.com</c>.</summary>
    ComboSquatting,

    /// <summary>A portal brand's domain under another public suffix: <c>followmyhealth.net</c>.</summary>
    SuffixVariant,
}
