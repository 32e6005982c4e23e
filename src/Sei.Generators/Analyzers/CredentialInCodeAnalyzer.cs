using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Sei.Generators.Analyzers;

/// <summary>
/// SEI3003: an app key or secret, a password or a client secret written as a string literal where
/// Sei.Client takes it (<c>UseClientCredentials</c>, <c>SeiClientCredentials</c>,
/// <c>SeiCertificates.LoadPfx</c>/<c>LoadPem</c>, <c>SeiAuthorizationCodeFlow</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CredentialInCodeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Sei.Client's credential parameters, by name, and how the message calls them.</summary>
    private static readonly Dictionary<string, string> Credentials = new(StringComparer.Ordinal)
    {
        ["appKey"] = "app key",
        ["appSecret"] = "app secret",
        ["password"] = "password",
        ["keyPassword"] = "private key's password",
        ["clientSecret"] = "client secret",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.CredentialInCode);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("Sei.Client.SeiClientOptions") is null)
            {
                return;
            }

            start.RegisterOperationAction(Analyze, OperationKind.Argument);
        });
    }

    private static void Analyze(OperationAnalysisContext context)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter
            || !Credentials.TryGetValue(parameter.Name, out var what)
            || parameter.ContainingAssembly?.Name != "Sei.Client"
            || argument.Value.ConstantValue is not { HasValue: true, Value: string { Length: > 0 } })
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CredentialInCode, argument.Value.Syntax.GetLocation(), what));
    }
}
