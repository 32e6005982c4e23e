namespace Sei.Client.Http;

/// <summary>
/// Lays out parameter values by OpenAPI's style rules, one method per place a value can go. The rules
/// are RFC 6570's URI template expansions (<c>{color}</c>, <c>{.color}</c>, <c>{;color}</c>,
/// <c>{?color}</c>, each with or without <c>*</c> for explode) plus OpenAPI's query-only styles, so
/// that every cell of the specification's style table comes out as the table shows it.
/// </summary>
internal static class SeiStyleWriter
{
    /// <summary>What replaces <c>{name}</c> in a path, percent-encoded.</summary>
    public static string Path(string name, SeiParameterValue value, SeiParameterStyle style, bool explode)
    {
        return style switch
        {
            SeiParameterStyle.Matrix => Expand(name, value, explode, Uri.EscapeDataString, first: ";", separator: ";", named: true, emptyAssignment: string.Empty),
            SeiParameterStyle.Label => Expand(name, value, explode, Uri.EscapeDataString, first: ".", separator: ".", named: false, emptyAssignment: string.Empty),

            // Swagger 2.0 lets a path array be space-, tab- or pipe-separated (collectionFormat ssv, tsv, pipes).
            SeiParameterStyle.SpaceDelimited or SeiParameterStyle.PipeDelimited or SeiParameterStyle.TabDelimited
                => Expand(name, value, explode: false, Uri.EscapeDataString, first: string.Empty, separator: ",", named: false, emptyAssignment: string.Empty, joiner: Delimiter(style, encoded: true) ?? ","),

            // Simple is the path default; the query-only styles have no path form, and the generator reports them.
            _ => Expand(name, value, explode, Uri.EscapeDataString, first: string.Empty, separator: ",", named: false, emptyAssignment: string.Empty),
        };
    }

    /// <summary>
    /// A header's value: the <c>simple</c> style, without percent-encoding (header values are not URLs), or
    /// for Swagger 2.0 arrays the separator their <c>collectionFormat</c> names.
    /// </summary>
    public static string Header(SeiParameterValue value, SeiParameterStyle style, bool explode)
        => style is SeiParameterStyle.SpaceDelimited or SeiParameterStyle.PipeDelimited or SeiParameterStyle.TabDelimited
            ? Expand(string.Empty, value, explode: false, static text => text, first: string.Empty, separator: ",", named: false, emptyAssignment: string.Empty, joiner: Delimiter(style, encoded: false) ?? ",")
            : Header(value, explode);

    /// <summary>A header's value: the <c>simple</c> style, without percent-encoding (header values are not URLs).</summary>
    public static string Header(SeiParameterValue value, bool explode)
        => Expand(string.Empty, value, explode, static text => text, first: string.Empty, separator: ",", named: false, emptyAssignment: string.Empty);

    /// <summary>
    /// A cookie's part of the <c>Cookie</c> header in the <c>form</c> style, values percent-encoded. An
    /// exploded array or object gives <c>&amp;</c>-joined pairs, exactly as OpenAPI's table has it.
    /// </summary>
    public static string Cookie(string name, SeiParameterValue value, bool explode)
        => Expand(name, value, explode, Uri.EscapeDataString, first: string.Empty, separator: "&", named: true, emptyAssignment: "=");

    /// <summary>The query pairs of a value, names and values percent-encoded; an empty array or object gives none.</summary>
    public static List<KeyValuePair<string, string>> Query(string name, SeiParameterValue value, SeiParameterStyle style, bool explode, bool allowReserved)
    {
        Func<string, string> encode = allowReserved ? EscapeAllowingReserved : Uri.EscapeDataString;
        var pairs = new List<KeyValuePair<string, string>>();
        // Brackets are encoded even with allowReserved: RFC 3986 does not allow them in a query.
        foreach (var pair in Pairs(name, value, style, explode, "%5B", "%5D", encode, delimiterEncoded: true))
        {
            pairs.Add(pair);
        }

        return pairs;
    }

    /// <summary>
    /// The fields of a form body (<c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c>)
    /// for a property with an explicit style, not yet encoded: the body encodes them as a whole.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormFields(string name, SeiParameterValue value, SeiParameterStyle style, bool explode)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var pair in Pairs(name, value, style, explode, "[", "]", static text => text, delimiterEncoded: false))
        {
            pairs.Add(pair);
        }

        return pairs;
    }

    /// <summary>
    /// RFC 6570 expansion of one variable: <paramref name="first"/> before it, <paramref name="separator"/>
    /// between exploded members, <c>name=</c> before values when <paramref name="named"/>, and
    /// <paramref name="emptyAssignment"/> after the name when a primitive is the empty string.
    /// </summary>
    private static string Expand(string name, SeiParameterValue value, bool explode, Func<string, string> encode, string first, string separator, bool named, string emptyAssignment, string joiner = ",")
    {
        var text = new StringBuilder(first);
        var prefix = named ? encode(name) + "=" : string.Empty;
        switch (value.Shape)
        {
            case SeiParameterShape.Primitive:
                if (named)
                {
                    text.Append(encode(name)).Append(value.Scalar.Length == 0 ? emptyAssignment : "=");
                }

                text.Append(encode(value.Scalar));
                break;
            case SeiParameterShape.Array when value.IsEmpty:
            case SeiParameterShape.Object when value.IsEmpty:
                // OpenAPI's "undefined" column: the operator and, for named styles, the bare name.
                if (named)
                {
                    text.Append(encode(name)).Append(emptyAssignment);
                }

                break;
            case SeiParameterShape.Array:
                text.Append(prefix);
                for (var i = 0; i < value.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(explode ? separator + prefix : joiner);
                    }

                    text.Append(encode(value.Items[i]));
                }

                break;
            default:
                if (!explode)
                {
                    text.Append(prefix);
                }

                for (var i = 0; i < value.Properties.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(explode ? separator : joiner);
                    }

                    text.Append(encode(value.Properties[i].Key)).Append(explode ? "=" : joiner).Append(encode(value.Properties[i].Value));
                }

                break;
        }

        return text.ToString();
    }

    /// <summary>The query-string styles as name-value pairs, encoded with <paramref name="encode"/>.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Pairs(string name, SeiParameterValue value, SeiParameterStyle style, bool explode, string open, string close, Func<string, string> encode, bool delimiterEncoded)
    {
        var encodedName = encode(name);
        if (value.Shape == SeiParameterShape.Primitive)
        {
            yield return new KeyValuePair<string, string>(encodedName, encode(value.Scalar));
            yield break;
        }

        if (value.IsEmpty)
        {
            // An empty array or object is undefined in RFC 6570's sense: the parameter is left out.
            yield break;
        }

        if (style == SeiParameterStyle.DeepObject)
        {
            // name[key]=value for objects; arrays, which OpenAPI leaves undefined here, are indexed (name[0]=value)
            // as Stripe, Rails and the qs library read them.
            if (value.DeepProperties is { } leaves)
            {
                // A nested value: one pair per leaf, brackets per level (name[a][b]=value).
                foreach (var leaf in leaves)
                {
                    yield return new KeyValuePair<string, string>(encodedName + open + string.Join(close + open, leaf.Key.Select(encode)) + close, encode(leaf.Value));
                }

                yield break;
            }

            var index = 0;
            foreach (var (key, member) in Members(value))
            {
                var bracketKey = key ?? (index++).ToString(CultureInfo.InvariantCulture);
                yield return new KeyValuePair<string, string>(encodedName + open + encode(bracketKey) + close, encode(member));
            }

            yield break;
        }

        var delimiter = Delimiter(style, delimiterEncoded);
        if (delimiter is null && explode)
        {
            // form, exploded: one pair per item (name=a&name=b), or per member (R=100&G=200).
            foreach (var (key, member) in Members(value))
            {
                yield return new KeyValuePair<string, string>(key is null ? encodedName : encode(key), encode(member));
            }

            yield break;
        }

        // form without explode joins with commas; the delimited styles join with their delimiter. Objects
        // alternate names and values (R,100,G,200), as the table shows.
        var joined = new StringBuilder();
        foreach (var (key, member) in Members(value))
        {
            if (key is not null)
            {
                Append(joined, encode(key), delimiter ?? ",");
            }

            Append(joined, encode(member), delimiter ?? ",");
        }

        yield return new KeyValuePair<string, string>(encodedName, joined.ToString());
    }

    /// <summary>The separator of a delimited style, percent-encoded for URLs; <see langword="null"/> for the others.</summary>
    private static string? Delimiter(SeiParameterStyle style, bool encoded) => style switch
    {
        SeiParameterStyle.SpaceDelimited => encoded ? "%20" : " ",
        SeiParameterStyle.PipeDelimited => encoded ? "%7C" : "|",
        SeiParameterStyle.TabDelimited => encoded ? "%09" : "\t",
        _ => null,
    };

    private static void Append(StringBuilder joined, string text, string delimiter)
    {
        if (joined.Length > 0)
        {
            joined.Append(delimiter);
        }

        joined.Append(text);
    }

    /// <summary>An array's items (without names) or an object's members (with them).</summary>
    private static IEnumerable<(string? Key, string Value)> Members(SeiParameterValue value)
    {
        if (value.Shape == SeiParameterShape.Array)
        {
            foreach (var item in value.Items)
            {
                yield return (null, item);
            }
        }
        else
        {
            foreach (var property in value.Properties)
            {
                yield return (property.Key, property.Value);
            }
        }
    }

    /// <summary>
    /// Percent-encoding for <c>allowReserved: true</c>: RFC 3986's reserved characters pass through, and so do
    /// percent-encoded triples, except those that would change the query's structure (<c>&amp;</c>, <c>=</c>,
    /// <c>+</c>, <c>#</c>, <c>[</c>, <c>]</c>), which OpenAPI still asks to encode.
    /// </summary>
    private static string EscapeAllowingReserved(string text)
    {
        var escaped = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                escaped.Append(c);
            }
            else if (c is ':' or '/' or '?' or '@' or '!' or '$' or '\'' or '(' or ')' or '*' or ',' or ';')
            {
                escaped.Append(c);
            }
            else
            {
                // One character, or a surrogate pair, encoded as the platform encodes data.
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1;
                escaped.Append(Uri.EscapeDataString(text.Substring(i, length)));
                i += length - 1;
            }
        }

        return escaped.ToString();
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
}
