namespace Sei.Generators.Building;

/// <summary>
/// The names of one C# scope (an enumeration's values, an object's properties, a union's
/// alternatives) and how a new one is chosen. A name depends on its text alone unless an earlier
/// member already has it, so appending a value or property to a document never renames another:
/// <list type="number">
/// <item>the name spelled as the scope spells (<c>A+</c> → <c>APlus</c>);</item>
/// <item>when that is a name the generated code itself declares in the scope (<c>Equals</c>, the
/// type's own name), that name with the scope's suffix (<c>EqualsValue</c>, <c>ThingProperty</c>);</item>
/// <item>when an earlier member has it, the text with every symbol spelled (<c>a_b</c> → <c>AUnderscoreB</c>
/// beside <c>a-b</c> → <c>AB</c>), then in the case the document wrote it (<c>ACTIVE</c> beside
/// <c>active</c> → <c>Active</c>);</item>
/// <item>only when none of these is free, a number (<c>Reference2</c> beside <c>reference</c> → <c>Reference</c>).</item>
/// </list>
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _taken;
    private readonly string _reservedSuffix;
    private readonly bool _keepsCase;

    /// <summary>Initializes a scope whose <paramref name="reserved"/> names belong to the generated code.</summary>
    /// <param name="reservedSuffix">What a member named like a reserved name gets appended ("Value", "Property").</param>
    /// <param name="reserved">The names the generated code declares in the scope, or that would hide a member it relies on.</param>
    /// <param name="keepsCase">
    /// Whether a name may keep the document's case to tell two texts apart; members may, types may not
    /// (a lower-case type name draws CS8981, which fails a build with warnings as errors).
    /// </param>
    public NameScope(string reservedSuffix, IEnumerable<string> reserved, bool keepsCase)
    {
        _reservedSuffix = reservedSuffix;
        _keepsCase = keepsCase;
        _reserved = new HashSet<string>(reserved, StringComparer.Ordinal);
        _taken = new HashSet<string>(_reserved, StringComparer.Ordinal);
    }

    /// <summary>Records a name chosen elsewhere (an inherited member), so no new member takes it.</summary>
    public void Take(string name) => _taken.Add(name);

    /// <summary>Chooses and records the name of a member whose document text is <paramref name="text"/>.</summary>
    public string Claim(string text, Spelling spelling, string fallback)
    {
        var name = Identifiers.Spell(text, spelling, fallback);
        var symbols = Identifiers.Spell(text, Spelling.Symbols, fallback);
        var exact = _keepsCase ? Identifiers.Spell(text, Spelling.Exact, fallback) : symbols;
        return _reserved.Contains(name)
            ? ClaimFirst(name + _reservedSuffix, symbols + _reservedSuffix, exact + _reservedSuffix)
            : ClaimFirst(name, symbols, exact);
    }

    /// <summary>Chooses and records a name already spelled (such as <c>Value1</c> for the integer 1).</summary>
    public string Claim(string name) => _reserved.Contains(name) ? ClaimFirst(name + _reservedSuffix) : ClaimFirst(name);

    private string ClaimFirst(params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            // A keyword needs '@', which the names generated code builds from a member's name ("__" + name) cannot carry.
            if (!Identifiers.IsKeyword(candidate) && _taken.Add(candidate))
            {
                return candidate;
            }
        }

        return Identifiers.MakeUnique(candidates[0], _taken);
    }
}
