using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sei.Generators.Diagnostics;

namespace Sei.Generators.CodeFixes;

/// <summary>
/// Fixes SEI3001. On a log call that passes message text alone, it adds the tracking ID as a
/// structured <c>{TrackingId}</c> argument. On a catch that logs nothing, it inserts
/// <c>logger.LogError(ex, ...)</c> using an <c>ILogger</c> in scope (field, property, parameter or
/// local), naming the exception <c>ex</c> when the catch has no variable.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TrackingIdDroppedCodeFixProvider))]
[Shared]
public sealed class TrackingIdDroppedCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, for Fix All.</summary>
    public const string EquivalenceKey = "SEI3001.LogTrackingId";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TrackingIdDropped);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            var clause = node.FirstAncestorOrSelf<CatchClauseSyntax>();
            if (clause is null)
            {
                continue;
            }

            if (invocation is not null && invocation.Span.Contains(diagnostic.Location.SourceSpan))
            {
                if (MessageLiteral(invocation) is not null)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Log the tracking ID", token => AddTrackingIdAsync(context.Document, invocation, clause, token), EquivalenceKey),
                        diagnostic);
                }
            }
            else if (FindLogger(model, clause) is { } logger)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Log the error with its tracking ID", token => InsertLogCallAsync(context.Document, clause, logger, token), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The string-literal message of a log call (the first string literal argument), if it has one.</summary>
    private static ArgumentSyntax? MessageLiteral(InvocationExpressionSyntax invocation)
        => invocation.ArgumentList.Arguments.FirstOrDefault(a => a.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression));

    private static async Task<Document> AddTrackingIdAsync(Document document, InvocationExpressionSyntax invocation, CatchClauseSyntax clause, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || MessageLiteral(invocation) is not { } message)
        {
            return document;
        }

        var (newClause, exceptionName) = EnsureExceptionVariable(clause);
        var text = ((LiteralExpressionSyntax)message.Expression).Token.ValueText.TrimEnd() + " (tracking ID {TrackingId})";
        var newMessage = message.WithExpression(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)));
        var arguments = invocation.ArgumentList.Arguments.Replace(message, newMessage)
            .Add(SyntaxFactory.Argument(SyntaxFactory.ParseExpression(exceptionName + ".TrackingId")));
        var newInvocation = invocation.WithArgumentList(invocation.ArgumentList.WithArguments(arguments));
        newClause = newClause.ReplaceNode(newClause.DescendantNodes().OfType<InvocationExpressionSyntax>().First(i => i.IsEquivalentTo(invocation)), newInvocation);
        return document.WithSyntaxRoot(root.ReplaceNode(clause, newClause));
    }

    private static async Task<Document> InsertLogCallAsync(Document document, CatchClauseSyntax clause, string logger, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var (newClause, exceptionName) = EnsureExceptionVariable(clause);
        var statement = SyntaxFactory.ParseStatement(logger + ".LogError(" + exceptionName + ", \"SEI call failed; tracking ID {TrackingId}\", " + exceptionName + ".TrackingId);")
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
            .WithTrailingTrivia(SyntaxFactory.ElasticMarker)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        newClause = newClause.WithBlock(newClause.Block.WithStatements(newClause.Block.Statements.Insert(0, statement)));
        return document.WithSyntaxRoot(root.ReplaceNode(clause, newClause));
    }

    /// <summary>Gives the catch an exception variable (<c>ex</c>) when it has none.</summary>
    private static (CatchClauseSyntax Clause, string Name) EnsureExceptionVariable(CatchClauseSyntax clause)
    {
        if (clause.Declaration is { Identifier.Text: { Length: > 0 } name })
        {
            return (clause, name);
        }

        if (clause.Declaration is null)
        {
            return (clause, "ex");
        }

        var declaration = clause.Declaration.WithType(clause.Declaration.Type.WithTrailingTrivia(SyntaxFactory.Space)).WithIdentifier(SyntaxFactory.Identifier("ex"));
        return (clause.WithDeclaration(declaration), "ex");
    }

    /// <summary>An <c>ILogger</c> the catch can reach: a local or parameter first, then a field or property of the type.</summary>
    private static string? FindLogger(SemanticModel model, CatchClauseSyntax clause)
    {
        var logger = model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        if (logger is null)
        {
            return null;
        }

        bool IsLogger(ITypeSymbol? type) => type is not null && (SymbolEqualityComparer.Default.Equals(type, logger) || type.AllInterfaces.Contains(logger, SymbolEqualityComparer.Default));
        var symbols = model.LookupSymbols(clause.Block.SpanStart);
        var local = symbols.FirstOrDefault(s => s is ILocalSymbol l && IsLogger(l.Type) || s is IParameterSymbol p && IsLogger(p.Type));
        if (local is not null)
        {
            return local.Name;
        }

        var member = symbols.FirstOrDefault(s => s is IFieldSymbol f && IsLogger(f.Type) || s is IPropertySymbol p && IsLogger(p.Type));
        return member?.Name;
    }
}
