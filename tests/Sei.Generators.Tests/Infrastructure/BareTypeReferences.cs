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

        // A chain that starts with a namespace of generated code (Consumer.Accounts.V1.Account) is as bare as a simple name.
        var roots = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var type in declared)
        {
            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                roots.Add(ns.Name);
            }
        }

        var found = new List<string>();
        foreach (var tree in generated)
        {
            SemanticModel? model = null;
            var nodes = tree.GetRoot().DescendantNodes(descendIntoTrivia: true).OfType<SimpleNameSyntax>();
            foreach (var name in nodes.Where(n => names.Contains(n.Identifier.ValueText) && MayNameAType(n, roots)))
            {
                // Only names that may be a generated type are bound: the scan stays fast on large documents.
                model ??= compilation.GetSemanticModel(tree);
                if (IsBare(name, model, declared))
                {
                    var line = name.GetLocation().GetLineSpan();
                    found.Add(tree.FilePath + "(" + (line.StartLinePosition.Line + 1) + "): " + name.Identifier.ValueText + " in `" + LineText(tree, line.StartLinePosition.Line) + "`");
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Whether the name can refer to a type without <c>global::</c>: it stands alone, or ends a chain
    /// that starts with a name of generated code. A chain rooted at <c>global::</c> is qualified; one
    /// rooted at a local, a parameter, <c>this</c> or a call (<c>value.Account</c>) reads a member.
    /// </summary>
    private static bool MayNameAType(SimpleNameSyntax name, HashSet<string> roots)
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
                case MemberBindingExpressionSyntax:
                    // source?.Account: a member of a value.
                    return false;
                case AliasQualifiedNameSyntax alias when alias.Name == node:
                    return !alias.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword);
                case NameMemberCrefSyntax member when member.Parent is QualifiedCrefSyntax cref && cref.Member == member:
                    // cref="global::Namespace.Type" is a qualified cref: the container carries the alias.
                    node = cref.Container;
                    break;
            }

            return node == name || Leftmost(node) switch
            {
                AliasQualifiedNameSyntax root => !root.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword),
                IdentifierNameSyntax root => roots.Contains(root.Identifier.ValueText),
                GenericNameSyntax root => roots.Contains(root.Identifier.ValueText),
                _ => false,
            };
        }
    }

    /// <summary>
    /// Whether a name spelled like a generated type, where a type could stand, is a bare reference: it
    /// binds to a generated type, stands where only a type can, or starts a member access without
    /// being a local or parameter. The last catches a captured name too: in
    /// <c>= PlatformPaymentType.PlatformPayment</c> the name binds to a property of that name (CS0236),
    /// not to the type it was written for.
    /// </summary>
    private static bool IsBare(SimpleNameSyntax name, SemanticModel model, HashSet<INamedTypeSymbol> declared)
    {
        var info = model.GetSymbolInfo(name);
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        var type = symbol switch
        {
            INamedTypeSymbol named => named.OriginalDefinition,
            IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.OriginalDefinition,
            _ => null,
        };
        if (type is not null)
        {
            return declared.Contains(type);
        }

        var startsAccess = name.Parent is MemberAccessExpressionSyntax access && access.Expression == name;
        return (startsAccess || SyntaxFacts.IsInTypeOnlyContext(name)) && symbol is not (ILocalSymbol or IParameterSymbol or IRangeVariableSymbol);
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
