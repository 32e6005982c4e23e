using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>
/// The real-world OpenAPI documents the tests run the generator over. The repository carries them,
/// gzipped, in tests/corpus (with their sources, commits and licences in MANIFEST.tsv), so that a
/// plain clone runs every test. A corpus folder beside the clone (../shared/corpus on the team's
/// machines) may add documents; a document it holds under a vendored name is the vendored one, so
/// the tests see the same bytes everywhere.
/// </summary>
internal static class CorpusDocuments
{
    private const string CompressedSuffix = ".gz";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Files = new(FindFiles);

    /// <summary>Gets the folder of the vendored documents.</summary>
    public static string Vendored => Path.Combine(Paths.RepositoryRoot, "tests", "corpus");

    /// <summary>Gets the folder that may add documents, when it exists.</summary>
    public static string Additional => Path.GetFullPath(Path.Combine(Paths.RepositoryRoot, "..", "shared", "corpus"));

    /// <summary>Gets the names of every document, in ordinal order.</summary>
    public static IReadOnlyList<string> Names => Files.Value.Keys.OrderBy(name => name, StringComparer.Ordinal).ToList();

    /// <summary>Gets how many of the documents the repository itself carries.</summary>
    public static int VendoredCount => Files.Value.Values.Count(path => path.EndsWith(CompressedSuffix, StringComparison.Ordinal));

    /// <summary>Reads a document's text by its name (for example <c>stripe__spec3.json</c>).</summary>
    public static string ReadText(string name)
    {
        if (!Files.Value.TryGetValue(name, out var path))
        {
            throw new FileNotFoundException("No corpus document is named " + name + "; the vendored ones are in " + Vendored + ".", name);
        }

        if (!path.EndsWith(CompressedSuffix, StringComparison.Ordinal))
        {
            return File.ReadAllText(path);
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);

        // Like File.ReadAllText: UTF-8 unless a byte-order mark says otherwise, and the mark is kept
        // out of the text. Two corpus documents start with one, and the reader must cope either way.
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static IReadOnlyDictionary<string, string> FindFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(Vendored, "*" + CompressedSuffix))
        {
            var name = Path.GetFileName(path);
            files[name.Substring(0, name.Length - CompressedSuffix.Length)] = path;
        }

        if (Directory.Exists(Additional))
        {
            foreach (var path in Directory.GetFiles(Additional).Where(IsDocument))
            {
                files.TryAdd(Path.GetFileName(path), path);
            }
        }

        return files;
    }

    private static bool IsDocument(string path)
        => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal);
}
