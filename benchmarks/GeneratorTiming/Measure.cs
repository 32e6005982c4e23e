using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

/// <summary>What every timing here shares: reading a document (gzipped or not) and the median of runs.</summary>
internal static class Measure
{
    /// <summary>Reads a document as the compiler hands it over: its text, decompressed when it ends in .gz.</summary>
    public static string ReadDocument(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The path the document has in the generator's project: its file name without .gz.</summary>
    public static string ProjectPath(string document) => "/project/" + Path.GetFileName(document).Replace(".gz", string.Empty, StringComparison.Ordinal);

    /// <summary>The median, which a single slow run on a shared machine does not move.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }
}
