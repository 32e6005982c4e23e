using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Sei.Tests.Support;
using Xunit;

namespace Sei.Client.Tests;

/// <summary>
/// The public API files say what is meant for users: the ones beside the project list it, and
/// PublicAPI/generated-code lists what is public only because generated code calls it from the user's
/// assembly. Everything in the second is hidden from IntelliSense ([EditorBrowsable(Never)] on it or
/// on its type), and nothing in the first is.
/// </summary>
public sealed class PublicApiSurfaceTests
{
    private static readonly Regex Modifiers = new(@"^((static|const|override|abstract|virtual|readonly|sealed|new|~)\s+)*", RegexOptions.Compiled);
    private static readonly Regex GenericArguments = new("<[^<>]*>", RegexOptions.Compiled);

    /// <summary>Every line of every PublicAPI file of Sei.Client, and whether it is listed for generated code.</summary>
    private static List<(string Line, bool ForGeneratedCode)> Lines()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "Sei.Client");
        var separator = Path.DirectorySeparatorChar.ToString();
        var lines = new List<(string, bool)>();
        foreach (var file in Directory.GetFiles(project, "PublicAPI.*.txt", SearchOption.AllDirectories)
            .Where(f => !f.Contains(separator + "bin" + separator, StringComparison.Ordinal) && !f.Contains(separator + "obj" + separator, StringComparison.Ordinal)))
        {
            var forGeneratedCode = file.Contains(separator + "generated-code" + separator, StringComparison.Ordinal);
            lines.AddRange(File.ReadAllLines(file).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => (l, forGeneratedCode)));
        }

        return lines;
    }

    [Fact]
    public void A_symbol_is_hidden_exactly_when_it_is_listed_for_generated_code()
    {
        var lines = Lines();
        var wrong = lines.Where(l => IsHidden(l.Line) != l.ForGeneratedCode)
            .Select(l => l.ForGeneratedCode
                ? "Listed for generated code but visible in IntelliSense: " + l.Line + ". Mark it [EditorBrowsable(EditorBrowsableState.Never)], or move its line to PublicAPI.Unshipped.txt beside the project if users are meant to call it."
                : "Meant for users but hidden from IntelliSense: " + l.Line + ". Remove [EditorBrowsable(Never)], or move its line to PublicAPI/generated-code.")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Contains(lines, l => l.ForGeneratedCode);
        Assert.Contains(lines, l => !l.ForGeneratedCode);
    }

    /// <summary>Whether the line's symbol, or a type that declares it, carries [EditorBrowsable(Never)].</summary>
    private static bool IsHidden(string line)
    {
        var declaration = Modifiers.Replace(line, string.Empty);
        var symbol = declaration;
        while (GenericArguments.IsMatch(symbol))
        {
            symbol = GenericArguments.Replace(symbol, string.Empty);
        }

        var end = symbol.IndexOfAny(new[] { '(', ' ' });
        symbol = end < 0 ? symbol : symbol.Substring(0, end);

        var segments = symbol.Split('.');
        for (var length = segments.Length; length > 0; length--)
        {
            var typeName = string.Join(".", segments.Take(length));
            var types = PublicTypes.Value.Where(t => Name(t) == typeName).ToList();
            if (types.Count == 0)
            {
                continue;
            }

            if (types.Any(t => Declarers(t).Any(Never)))
            {
                return true;
            }

            // A member: properties appear as Name.get and Name.set, constructors as .ctor.
            // Overloads that differ in their type parameters (ReadJsonAsync<T> and ReadJsonAsync<T, TContract>) are told apart by their count.
            var member = length < segments.Length ? segments[length] : null;
            var arity = member is null ? 0 : TypeParameterCount(declaration, member);
            return member is not null && types
                .SelectMany(t => t.GetMember(member, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => (m is MethodInfo method ? method.GetGenericArguments().Length : 0) == arity)
                .Any(Never);
        }

        throw new InvalidOperationException("No public type of Sei.Client declares " + line);
    }

    /// <summary>How many type parameters the member's declaration names (<c>M&lt;T, TContract&gt;(</c> has two).</summary>
    private static int TypeParameterCount(string declaration, string member)
    {
        var start = declaration.IndexOf("." + member + "<", StringComparison.Ordinal);
        if (start < 0)
        {
            return 0;
        }

        var count = 1;
        var depth = 0;
        for (var i = start + member.Length + 1; i < declaration.Length; i++)
        {
            switch (declaration[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth--;
                    if (depth == 0)
                    {
                        return count;
                    }

                    break;
                case ',' when depth == 1:
                    count++;
                    break;
            }
        }

        return count;
    }

    private static readonly Lazy<List<Type>> PublicTypes = new(() => typeof(SeiClientBase).Assembly.GetTypes().Where(t => t.IsPublic || t.IsNestedPublic || t.IsNestedFamily).ToList());

    private static string Name(Type type)
    {
        var name = type.FullName!.Replace('+', '.');
        return Regex.Replace(name, "`[0-9]+", string.Empty);
    }

    private static IEnumerable<Type> Declarers(Type type)
    {
        for (Type? current = type; current is not null; current = current.DeclaringType)
        {
            yield return current;
        }
    }

    private static bool Never(MemberInfo member) => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;
}
