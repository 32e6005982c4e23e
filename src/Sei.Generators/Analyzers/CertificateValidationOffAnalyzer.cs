using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Sei.Generators.Analyzers;

/// <summary>
/// SEI3004: in a project that uses SEI clients, a handler's server
/// certificate check replaced by one that accepts everything (a callback that always returns
/// <see langword="true"/>, or <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationOffAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] CallbackProperties = { "ServerCertificateCustomValidationCallback", "RemoteCertificateValidationCallback" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CertificateValidationOff);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Only projects that use SEI clients: their handlers carry SEI tokens and data.
            if (start.Compilation.GetTypeByMetadataName("Sei.Client.SeiClientBase") is null)
            {
                return;
            }

            start.RegisterOperationAction(Analyze, OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } || !CallbackProperties.Contains(property.Name)
            || property.ContainingNamespace?.ToDisplayString() is not ("System.Net.Http" or "System.Net.Security"))
        {
            return;
        }

        if (AcceptsAnything(assignment.Value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CertificateValidationOff, assignment.Syntax.GetLocation()));
        }
    }

    private static bool AcceptsAnything(IOperation value)
    {
        value = value.WithoutConversions();

        if (value is IPropertyReferenceOperation { Property.Name: "DangerousAcceptAnyServerCertificateValidator" })
        {
            return true;
        }

        var function = value is IDelegateCreationOperation creation ? creation.Target as IAnonymousFunctionOperation : value as IAnonymousFunctionOperation;
        if (function is null)
        {
            return false;
        }

        // Every return in the body returns the constant true.
        var returns = function.Body.Descendants().OfType<IReturnOperation>().ToList();
        return returns.Count > 0 && returns.All(r => r.ReturnedValue?.ConstantValue is { HasValue: true, Value: true });
    }
}
