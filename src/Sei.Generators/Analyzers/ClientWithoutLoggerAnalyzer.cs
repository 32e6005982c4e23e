using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Sei.Generators.Emitting;

namespace Sei.Generators.Analyzers;

/// <summary>
/// SEI3005: a generated client made without a logger logs nothing, tracking IDs included:
/// <c>new XxxClient(http)</c> with no (or a null) logger, or <c>XxxClient.Create(options)</c> with no
/// logger factory. Clients made by dependency injection get one and are never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientWithoutLoggerAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The parameter names through which every generated client takes its logger (constructor) or logger factory (<c>Create</c>).</summary>
    private static readonly ImmutableHashSet<string> LoggerParameters = ImmutableHashSet.Create(GeneratedNames.LoggerParameter, GeneratedNames.LoggerFactoryParameter);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ClientWithoutLogger);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Code that does not reference Sei.Client makes no generated clients: nothing to register.
            if (start.Compilation.GetTypeByMetadataName("Sei.Client.SeiClientBase") is { } clientBase)
            {
                start.RegisterOperationAction(operation => Analyze(operation, clientBase), OperationKind.ObjectCreation, OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol clientBase)
    {
        var (client, arguments, syntax) = context.Operation switch
        {
            IObjectCreationOperation { Constructor: not null } creation when creation.Type.InheritsFrom(clientBase) => (creation.Type, creation.Arguments, creation.Syntax),
            IInvocationOperation { TargetMethod: { IsStatic: true, Name: GeneratedNames.ClientFactoryMethod } target } invocation when target.ReturnType.InheritsFrom(clientBase) => (target.ReturnType, invocation.Arguments, invocation.Syntax),
            _ => (null, default(ImmutableArray<IArgumentOperation>), null),
        };
        if (client is null || syntax is null)
        {
            return;
        }

        var loggerArgument = arguments.FirstOrDefault(a => a.Parameter is { } parameter && LoggerParameters.Contains(parameter.Name));
        if (loggerArgument is not null
            && (loggerArgument.ArgumentKind == ArgumentKind.DefaultValue || loggerArgument.Value.ConstantValue is { HasValue: true, Value: null }))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ClientWithoutLogger, syntax.GetLocation(), client.Name));
        }
    }
}
