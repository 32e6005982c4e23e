using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Sei.Generators.Analyzers;

/// <summary>
/// SEI3001: a <c>catch</c> that handles an SEI API error without logging its tracking ID. It looks
/// at catches of <c>SeiApiException</c> (or a subclass), and of broader types when the <c>try</c>
/// calls a generated client (a method marked <c>[SeiOperation]</c>). A catch is fine when it
/// rethrows, passes the exception to any call (a logger, or a helper that logs), or reads
/// <c>TrackingId</c>; a logging call in it that passes neither is reported where it stands.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrackingIdDroppedAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.TrackingIdDropped);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Code that does not reference Sei.Client cannot catch its errors: nothing to register.
            var apiException = start.Compilation.GetTypeByMetadataName("Sei.Client.SeiApiException");
            var metadata = SeiMetadata.For(start.Compilation);
            if (apiException is null || metadata is null)
            {
                return;
            }

            var types = new SeiTypes(apiException, metadata, start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger"), start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute"));
            start.RegisterOperationAction(operation => Analyze(operation, types), OperationKind.CatchClause);
        });
    }

    private static void Analyze(OperationAnalysisContext context, SeiTypes types)
    {
        var clause = (ICatchClauseOperation)context.Operation;
        if (!IsAboutSei(clause, types))
        {
            return;
        }

        var exception = (clause.ExceptionDeclarationOrExpression as IVariableDeclaratorOperation)?.Symbol;
        var handler = clause.Handler;
        var operations = handler.Descendants().ToList();
        if (operations.OfType<IThrowOperation>().Any(t => t.Exception is null || (exception is not null && CarriesException(t.Exception, exception))))
        {
            return;
        }

        if (operations.OfType<IPropertyReferenceOperation>().Any(p => p.Property.Name == "TrackingId" && p.Property.ContainingNamespace?.ToDisplayString() == "Sei.Client"))
        {
            return;
        }

        var invocations = operations.OfType<IInvocationOperation>().ToList();
        var unhelpfulLogs = invocations.Where(i => IsLogging(i, types) && !(exception is not null && i.Arguments.Any(a => IsItself(a.Value, exception)))).ToList();
        if (exception is not null && invocations.Any(i => i.Arguments.Any(a => IsItself(a.Value, exception))) && unhelpfulLogs.Count == 0)
        {
            return;
        }

        // The error is named by its variable, or by the caught type when the catch declares none.
        var caught = exception?.Name ?? clause.ExceptionType.Name;
        if (unhelpfulLogs.Count > 0)
        {
            // A log call that drops the tracking ID is where the fix goes, so that is where it is reported.
            foreach (var log in unhelpfulLogs)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TrackingIdDropped, log.Syntax.GetLocation(), caught));
            }

            return;
        }

        var location = clause.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.CatchClauseSyntax syntax ? syntax.CatchKeyword.GetLocation() : clause.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TrackingIdDropped, location, caught));
    }

    /// <summary>SEI errors are caught by type, or by a broader type around a call to a generated client.</summary>
    private static bool IsAboutSei(ICatchClauseOperation clause, SeiTypes types)
    {
        if (clause.ExceptionType.InheritsFrom(types.ApiException))
        {
            return true;
        }

        if (!types.ApiException.InheritsFrom(clause.ExceptionType) || clause.Parent is not ITryOperation @try)
        {
            return false;
        }

        return @try.Body.Descendants().OfType<IInvocationOperation>().Any(i => types.Metadata.OperationOf(i.TargetMethod) is not null);
    }

    private static bool IsLogging(IInvocationOperation invocation, SeiTypes types)
    {
        var method = invocation.TargetMethod;
        if (types.LoggerMessage is not null && method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.LoggerMessage)))
        {
            return true;
        }

        if (types.Logger is null)
        {
            return false;
        }

        var receiver = method.IsExtensionMethod ? method.Parameters.FirstOrDefault()?.Type : method.ContainingType;
        return receiver is not null && (SymbolEqualityComparer.Default.Equals(receiver, types.Logger) || receiver.AllInterfaces.Contains(types.Logger, SymbolEqualityComparer.Default))
            && method.Name.StartsWith("Log", System.StringComparison.Ordinal);
    }

    /// <summary>The exception object itself (not one of its members, such as Code or Message, which lack the tracking ID's structure).</summary>
    private static bool IsItself(IOperation operation, ILocalSymbol local)
    {
        operation = operation.WithoutConversions();

        return operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }

    /// <summary>A thrown exception that carries the caught one: <c>throw ex</c>, or a new exception built with it as an argument (usually the inner exception).</summary>
    private static bool CarriesException(IOperation thrown, ILocalSymbol local)
    {
        thrown = thrown.WithoutConversions();

        return IsItself(thrown, local) || (thrown is IObjectCreationOperation creation && creation.Arguments.Any(a => IsItself(a.Value, local)));
    }

    /// <summary>The compilation's types the analysis compares with, looked up once per compilation.</summary>
    private sealed record SeiTypes(INamedTypeSymbol ApiException, SeiMetadata Metadata, INamedTypeSymbol? Logger, INamedTypeSymbol? LoggerMessage);
}
