using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Sei.Packaging.Tests.Infrastructure;

/// <summary>An assembly's name and version, and the names and versions it references, read from its metadata without loading it.</summary>
public sealed record AssemblyFacts(string Name, Version Version, IReadOnlyList<(string Name, Version Version)> References, bool IsReproducible, bool HasEmbeddedPdb, bool HasSourceLink, bool HasEmbeddedSources)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    public static AssemblyFacts Read(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var metadata = pe.GetMetadataReader();
        var definition = metadata.GetAssemblyDefinition();
        var references = metadata.AssemblyReferences
            .Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => (metadata.GetString(reference.Name), reference.Version))
            .ToList();
        var debug = pe.ReadDebugDirectory();
        var embedded = debug.FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        var hasSourceLink = false;
        var hasEmbeddedSources = false;
        if (embedded.DataSize > 0)
        {
            using var pdb = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
            var pdbReader = pdb.GetMetadataReader();
            var kinds = pdbReader.CustomDebugInformation.Select(handle => pdbReader.GetGuid(pdbReader.GetCustomDebugInformation(handle).Kind)).ToList();
            hasSourceLink = kinds.Contains(SourceLinkKind);
            hasEmbeddedSources = kinds.Contains(EmbeddedSourceKind);
        }

        return new AssemblyFacts(
            metadata.GetString(definition.Name),
            definition.Version,
            references,
            debug.Any(e => e.Type == DebugDirectoryEntryType.Reproducible),
            embedded.DataSize > 0,
            hasSourceLink,
            hasEmbeddedSources);
    }

    public static AssemblyFacts Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Every assembly in a folder, by name; files that are not .NET assemblies are skipped.</summary>
    public static Dictionary<string, Version> Definitions(IEnumerable<string> paths)
    {
        var result = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            try
            {
                var facts = Read(path);
                if (!result.TryGetValue(facts.Name, out var known) || known < facts.Version)
                {
                    result[facts.Name] = facts.Version;
                }
            }
            catch (BadImageFormatException)
            {
            }
            catch (InvalidOperationException)
            {
            }
        }

        return result;
    }
}
