using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sei.Generators.Analyzers;

/// <summary>Helpers the analyzers share for reading operation trees and symbols.</summary>
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

    /// <summary>Whether the type is the ancestor or derives from it (classes only; interfaces are not searched).</summary>
    public static bool InheritsFrom(this ITypeSymbol? type, ITypeSymbol? ancestor)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, ancestor))
            {
                return true;
            }
        }

        return false;
    }
}
