using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sei.Generators.Analyzers;

/// <summary>Helpers the analyzers share for reading operation trees.</summary>
internal static class OperationExtensions
{
    /// <summary>The value under any implicit or explicit conversions (to object, to an interface, to a delegate type).</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
