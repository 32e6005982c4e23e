using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Sei.Generators.Analyzers;

/// <summary>
/// SEI3002: a GET whose URL passes the 2048 characters SEI accepts, where the length is known at
/// compile time (constant arguments to a generated GET operation, counted from the longest server
/// URL the document lists; or a constant or interpolated URL given to HttpClient). SEI3006: a
/// collection or string of unknown size given to a query parameter the document does not bound.
/// The operation's metadata attributes say everything needed, so clients made by older generator
/// versions are covered too.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GetUrlLengthAnalyzer : DiagnosticAnalyzer
{
    private const int Limit = 2048;

    private static readonly string[] HttpClientGets = { "GetAsync", "GetStringAsync", "GetStreamAsync", "GetByteArrayAsync" };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.GetUrlTooLong, DiagnosticDescriptors.GetUrlValueUnbounded);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var metadata = SeiMetadata.For(start.Compilation);
            var httpClient = start.Compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            start.RegisterOperationAction(
                analysis =>
                {
                    var invocation = (IInvocationOperation)analysis.Operation;
                    if (metadata is { ParameterAttribute: not null })
                    {
                        AnalyzeGeneratedCall(analysis, invocation, metadata);
                    }

                    if (httpClient is not null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, httpClient))
                    {
                        AnalyzeHttpClientCall(analysis, invocation);
                    }
                },
                OperationKind.Invocation);

            var requestMessage = start.Compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
            if (requestMessage is not null)
            {
                start.RegisterOperationAction(
                    analysis => AnalyzeRequestMessage(analysis, (IObjectCreationOperation)analysis.Operation, requestMessage),
                    OperationKind.ObjectCreation);
            }
        });
    }

    private static void AnalyzeHttpClientCall(OperationAnalysisContext context, IInvocationOperation invocation)
    {
        if (!HttpClientGets.Contains(invocation.TargetMethod.Name))
        {
            return;
        }

        ReportIfTooLong(context, invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "requestUri")?.Value, invocation.Syntax.GetLocation());
    }

    /// <summary>A raw GET (HttpClient call or request message) whose URL is known to pass the limit.</summary>
    private static void ReportIfTooLong(OperationAnalysisContext context, IOperation? url, Location location)
    {
        if (url is not null && MinimumLength(url) is { } length && length > Limit)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GetUrlTooLong, location, length.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>
    /// A GET request message (for <c>HttpClient.SendAsync</c>) is judged where it is made, so a
    /// message built in one statement and sent in the next is covered as well as one built inline.
    /// </summary>
    private static void AnalyzeRequestMessage(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol requestMessage)
    {
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, requestMessage))
        {
            return;
        }

        // new HttpRequestMessage() is a GET until its Method is set, so both forms are looked at.
        var method = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "method")?.Value;
        var url = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "requestUri")?.Value;
        foreach (var assignment in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
        {
            switch ((assignment.Target as IPropertyReferenceOperation)?.Property.Name)
            {
                case "Method":
                    method = assignment.Value;
                    break;
                case "RequestUri":
                    url = assignment.Value;
                    break;
            }
        }

        if (method is null || IsGet(method))
        {
            ReportIfTooLong(context, url, creation.Syntax.GetLocation());
        }
    }

    /// <summary>Whether a method expression is <c>HttpMethod.Get</c> or <c>new HttpMethod("GET")</c>.</summary>
    private static bool IsGet(IOperation method)
    {
        method = method.WithoutConversions();
        return method switch
        {
            IPropertyReferenceOperation property => property.Property.Name == "Get" && property.Property.ContainingType.Name == "HttpMethod",
            IObjectCreationOperation { Arguments.Length: 1 } created => created.Arguments[0].Value.ConstantValue.Value is string name && string.Equals(name, "GET", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private static void AnalyzeGeneratedCall(OperationAnalysisContext context, IInvocationOperation invocation, SeiMetadata metadata)
    {
        if (metadata.Operation(invocation.TargetMethod) is not { HttpMethod: "GET" } operation)
        {
            return;
        }

        // The code fix reads the search counterpart from here rather than from the metadata again.
        var properties = operation.SearchOperation is { } search
            ? ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.SearchOperation, search)
            : ImmutableDictionary<string, string?>.Empty;
        var length = (operation.LongestServerUrl ?? string.Empty).TrimEnd('/').Length + operation.PathTemplate.Length;
        var unbounded = new List<string>();
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null || metadata.Parameter(argument.Parameter) is not { } declared)
            {
                continue;
            }

            var name = declared.Name;
            if (declared.Location == WireLocation.Path)
            {
                // The value replaces its placeholder, {name}, in the path template.
                length += (ValueLength(argument.Value) ?? 0) - (name.Length + 2);
            }
            else if (declared.Location != WireLocation.Query)
            {
                continue;
            }
            else if (ValueLength(argument.Value) is { } known)
            {
                length += name.Length + 2 + known;
            }
            else if (IsCollectionOrString(argument.Value.Type) && declared.MaxItems < 0 && declared.MaxLength < 0 && argument.Value.ConstantValue is not { HasValue: true, Value: null })
            {
                unbounded.Add(name);
            }
        }

        var call = invocation.Syntax.GetLocation();
        if (length > Limit)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GetUrlTooLong, call, properties, length.ToString(CultureInfo.InvariantCulture)));
            return;
        }

        // One diagnostic per parameter, so that each message names one identifier and a suppression covers one parameter.
        foreach (var name in unbounded)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.GetUrlValueUnbounded, call, properties, name, invocation.TargetMethod.Name));
        }
    }

    private static bool IsCollectionOrString(ITypeSymbol? type)
        => type is not null && (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

    /// <summary>The percent-encoded length of a value known at compile time: a constant, or a collection of constants (joined by commas).</summary>
    private static int? ValueLength(IOperation value)
    {
        value = value.WithoutConversions();

        if (value.ConstantValue is { HasValue: true, Value: { } constant })
        {
            return Encoded(Convert.ToString(constant, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        var elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => default(ImmutableArray<IOperation>?),
        };
        if (elements is not { } items || items.Any(e => e.ConstantValue is not { HasValue: true, Value: not null }))
        {
            return null;
        }

        return items.Sum(e => Encoded(Convert.ToString(e.ConstantValue.Value, CultureInfo.InvariantCulture) ?? string.Empty)) + Math.Max(0, items.Length - 1);
    }

    /// <summary>The shortest a URL expression can be: a constant's length, or an interpolation's literal parts.</summary>
    private static int? MinimumLength(IOperation value)
    {
        value = value.WithoutConversions();

        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text.Length;
        }

        if (value is IInterpolatedStringOperation interpolated)
        {
            return interpolated.Parts.OfType<IInterpolatedStringTextOperation>().Sum(p => p.Text.ConstantValue.Value is string part ? part.Length : 0);
        }

        if (value is IObjectCreationOperation { Arguments.Length: > 0 } creation && creation.Type?.Name == "Uri")
        {
            return MinimumLength(creation.Arguments[0].Value);
        }

        return null;
    }

    private static int Encoded(string text) => Uri.EscapeDataString(text).Length;
}
