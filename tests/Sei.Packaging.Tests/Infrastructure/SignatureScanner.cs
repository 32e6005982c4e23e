using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Sei.Packaging.Tests.Infrastructure;

/// <summary>A call from one assembly into another: the member, the assembly that defines it, and the assemblies its signature names types from.</summary>
public sealed record ExternalCall(string Member, string DefiningAssembly, IReadOnlyCollection<string> SignatureAssemblies);

/// <summary>Lists the members an assembly uses from other assemblies, with the assemblies their signatures' types come from.</summary>
public static class SignatureScanner
{
    public static IReadOnlyList<ExternalCall> ExternalCalls(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        var provider = new AssemblyNamesProvider(metadata);
        var calls = new List<ExternalCall>();
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            var owner = OwnerAssembly(metadata, member.Parent);
            if (owner is null)
            {
                continue;
            }

            var decoder = new SignatureDecoder<string, object?>(provider, metadata, null);
            var blob = metadata.GetBlobReader(member.Signature);
            var header = blob.ReadSignatureHeader();
            blob.Reset();
            var names = header.Kind == SignatureKind.Field
                ? decoder.DecodeFieldSignature(ref blob)
                : Join(decoder.DecodeMethodSignature(ref blob) is var method ? method.ParameterTypes.Prepend(method.ReturnType) : Enumerable.Empty<string>());
            calls.Add(new ExternalCall(metadata.GetString(member.Name), owner, Split(names)));
        }

        return calls;
    }

    private static string? OwnerAssembly(MetadataReader metadata, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                return ScopeOf(metadata, (TypeReferenceHandle)parent);
            case HandleKind.TypeSpecification:
                var blob = metadata.GetBlobReader(metadata.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                var decoded = new SignatureDecoder<string, object?>(new AssemblyNamesProvider(metadata), metadata, null).DecodeType(ref blob);
                return Split(decoded).FirstOrDefault();
            default:
                return null;
        }
    }

    internal static string? ScopeOf(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        return reference.ResolutionScope.Kind switch
        {
            HandleKind.AssemblyReference => metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name),
            HandleKind.TypeReference => ScopeOf(metadata, (TypeReferenceHandle)reference.ResolutionScope),
            _ => null,
        };
    }

    private static string Join(IEnumerable<string> parts) => string.Join(";", parts.Where(p => p.Length > 0));

    private static IReadOnlyCollection<string> Split(string names) => names.Split(';', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Decodes a signature into the names of the assemblies its types come from, ';'-separated; types of the assembly itself give nothing.</summary>
    private sealed class AssemblyNamesProvider(MetadataReader metadata) : ISignatureTypeProvider<string, object?>
    {
        public string GetArrayType(string elementType, ArrayShape shape) => elementType;

        public string GetByReferenceType(string elementType) => elementType;

        public string GetFunctionPointerType(MethodSignature<string> signature) => Join(signature.ParameterTypes.Prepend(signature.ReturnType));

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => Join(typeArguments.Prepend(genericType));

        public string GetGenericMethodParameter(object? genericContext, int index) => string.Empty;

        public string GetGenericTypeParameter(object? genericContext, int index) => string.Empty;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => Join(new[] { modifier, unmodifiedType });

        public string GetPinnedType(string elementType) => elementType;

        public string GetPointerType(string elementType) => elementType;

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => string.Empty;

        public string GetSZArrayType(string elementType) => elementType;

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => string.Empty;

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => ScopeOf(metadata, handle) ?? string.Empty;

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
            return new SignatureDecoder<string, object?>(this, reader, genericContext).DecodeType(ref blob);
        }
    }
}
