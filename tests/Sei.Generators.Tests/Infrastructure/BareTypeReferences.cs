using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>
/// Finds references to generated types that are not fully qualified in generated code: anywhere a
/// simple name binds to a type the generator declared (a type, cast, pattern, typeof, nameof,
/// generic argument, attribute, static member access, default or XML doc cref) without a
/// <c>global::</c> alias at the root of its qualified name. A member or parameter the document names
/// like that type would capture such a reference, so each one is a latent CS0236, CS0120 or CS0426.
/// </summary>
internal static class BareTypeReferences
{
    public static IReadOnlyList<string> Find(GeneratorRun run)
    {
        var compilation = run.OutputCompilation;
        var generated = run.Result.GeneratedTrees.Select(tree => compilation.SyntaxTrees.Single(t => t.FilePath == tree.FilePath)).ToList();
        var declared = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in generated)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is { } symbol)
                {
                    declared.Add(symbol);
                }
            }
        }

        var names = new HashSet<string>(declared.Select(t => t.Name), StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var tree in generated)
        {
            SemanticModel? model = null;
            var nodes = tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>();
            foreach (var name in nodes.Where(n => names.Contains(n.Identifier.ValueText) && !IsGlobalQualified(n)))
            {
                // Only names that look like a generated type are bound: the scan stays fast on large documents.
                model ??= compilation.GetSemanticModel(tree);
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                var type = symbol switch
                {
                    INamedTypeSymbol named => named.OriginalDefinition,
                    IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.OriginalDefinition,
                    _ => null,
                };
                if (type is not null && declared.Contains(type))
                {
                    var line = name.GetLocation().GetLineSpan();
                    found.Add(tree.FilePath + "(" + (line.StartLinePosition.Line + 1) + "): " + name.Identifier.ValueText + " in `" + LineText(tree, line.StartLinePosition.Line) + "`");
                }
            }
        }

        return found;
    }

    /// <summary>Whether the name is the last part of a name or member access whose leftmost part is <c>global::</c>.</summary>
    private static bool IsGlobalQualified(SimpleNameSyntax name)
    {
        SyntaxNode node = name;
        while (true)
        {
            switch (node.Parent)
            {
                case QualifiedNameSyntax qualified when qualified.Right == node:
                    node = qualified;
                    continue;
                case MemberAccessExpressionSyntax access when access.Name == node:
                    node = access;
                    continue;
                case AliasQualifiedNameSyntax alias when alias.Name == node:
                    return alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword);
                case NameMemberCrefSyntax member when member.Parent is QualifiedCrefSyntax cref && cref.Member == member:
                    // cref="global::Namespace.Type" is a qualified cref: the container carries the alias.
                    node = cref.Container;
                    break;
            }

            return Leftmost(node) is AliasQualifiedNameSyntax root && root.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword);
        }
    }

    private static SyntaxNode Leftmost(SyntaxNode node) => node switch
    {
        QualifiedNameSyntax qualified => Leftmost(qualified.Left),
        MemberAccessExpressionSyntax access => Leftmost(access.Expression),
        _ => node,
    };

    private static string LineText(SyntaxTree tree, int line)
    {
        var text = tree.GetText().Lines[line].ToString().Trim();
        return text.Length > 160 ? text.Substring(0, 160) + "..." : text;
    }
}
