using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Sei.Generators.Diagnostics;

namespace Sei.Generators.CodeFixes;

/// <summary>
/// Fixes SEI3002 where the document offers a POST search counterpart: the GET call becomes a call
/// to the search method with the same return type, its query filters moved into an object
/// initializer of the search body (<c>new AccountSearchRequest { AccountIds = ids }</c>) and its
/// other arguments (path, headers, cursor, cancellation) passed on. The fix is offered only when
/// every argument has a place, so no filter is lost.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSearchOperationCodeFixProvider))]
[Shared]
public sealed class UseSearchOperationCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, for Fix All.</summary>
    public const string EquivalenceKey = "SEI3002.UseSearchOperation";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.GetUrlTooLong, DiagnosticIds.GetUrlValueUnbounded);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SearchOperation, out var searchName) || searchName is null)
            {
                continue;
            }

            var invocation = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null
                || model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation operation
                || SearchRewritePlan.Create(model, operation, searchName) is not { } plan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + plan.Search.Name + " (POST, the filters in its body)",
                    token => RewriteAsync(context.Document, invocation, searchName, token),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Plans again against the document being changed (Fix All hands over a fresh one) and replaces the call.</summary>
    private static async Task<Document> RewriteAsync(Document document, InvocationExpressionSyntax invocation, string searchName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || SearchRewritePlan.Create(model, operation, searchName) is not { } plan
            || Rename(invocation.Expression, plan.Search.Name) is not { } callee)
        {
            return document;
        }

        var arguments = Arguments(plan).ToList();
        var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), arguments.Count - 1);
        var rewritten = invocation
            .WithExpression(callee)
            .WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(arguments, separators)));
        var changed = document.WithSyntaxRoot(root.ReplaceNode(invocation, rewritten));

        // The body type's namespace may not be imported yet; the simplifier then shortens the name.
        return await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The callee with the search method's name, however the call was written (<c>a.B()</c>, <c>a?.B()</c>, <c>B()</c>).</summary>
    private static ExpressionSyntax? Rename(ExpressionSyntax callee, string name)
    {
        SimpleNameSyntax Named(SimpleNameSyntax old) => SyntaxFactory.IdentifierName(name).WithTriviaFrom(old);
        return callee switch
        {
            MemberAccessExpressionSyntax access => access.WithName(Named(access.Name)),
            MemberBindingExpressionSyntax binding => binding.WithName(Named(binding.Name)),
            IdentifierNameSyntax identifier => Named(identifier),
            _ => null,
        };
    }

    /// <summary>
    /// The search call's arguments in its parameters' order: positional while none is skipped, then
    /// named, which is how a person would write them.
    /// </summary>
    private static IEnumerable<ArgumentSyntax> Arguments(SearchRewritePlan plan)
    {
        var positional = true;
        foreach (var parameter in plan.Search.Parameters)
        {
            ExpressionSyntax? value = SymbolEqualityComparer.Default.Equals(parameter, plan.Body)
                ? BodyCreation(plan)
                : plan.Arguments.TryGetValue(parameter, out var moved) ? moved.WithoutTrivia() : null;
            if (value is null)
            {
                positional = false;
                continue;
            }

            var argument = SyntaxFactory.Argument(value);
            yield return positional ? argument : argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(Escape(parameter.Name))).WithTrailingTrivia(SyntaxFactory.Space));
        }
    }

    /// <summary>
    /// <c>new Body { Member = value, ... }</c> on one line, as people write a short initializer; the
    /// type is simplified, and its namespace imported, the way the file already writes names.
    /// </summary>
    private static ExpressionSyntax BodyCreation(SearchRewritePlan plan)
    {
        var type = SyntaxFactory.ParseTypeName(plan.BodyType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        if (plan.Members.Count == 0)
        {
            return SyntaxFactory.ObjectCreationExpression(type.WithLeadingTrivia(SyntaxFactory.Space), SyntaxFactory.ArgumentList(), null);
        }

        var members = plan.Members.Select(m => (ExpressionSyntax)SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(Escape(m.Property.Name)).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
            m.Value.WithoutTrivia()));
        var separators = Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), plan.Members.Count - 1);
        var initializer = SyntaxFactory.InitializerExpression(
            SyntaxKind.ObjectInitializerExpression,
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.SeparatedList(members, separators),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken));
        return SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.Token(SyntaxKind.NewKeyword).WithTrailingTrivia(SyntaxFactory.Space),
            type.WithTrailingTrivia(SyntaxFactory.Space),
            null,
            initializer);
    }

    private static string Escape(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
