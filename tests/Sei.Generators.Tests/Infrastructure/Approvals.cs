using System;
using System.IO;
using Xunit;

namespace Sei.Generators.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots (Verify is not served here). A mismatch fails and writes the new text
/// beside the approved file as <c>.received</c>; run with <c>SEI_APPROVE=1</c> to accept it.
/// </summary>
internal static class Approvals
{
    public static string Folder => Path.Combine(Paths.RepositoryRoot, "tests", "Sei.Generators.Tests", "Emitting", "Approved");

    public static void Verify(string name, string actual)
    {
        Directory.CreateDirectory(Folder);
        var approvedPath = Path.Combine(Folder, name + ".approved.cs.txt");
        var receivedPath = Path.Combine(Folder, name + ".received.cs.txt");
        var normalized = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("SEI_APPROVE") == "1")
        {
            File.WriteAllText(approvedPath, normalized);
            if (File.Exists(receivedPath))
            {
                File.Delete(receivedPath);
            }

            return;
        }

        if (!File.Exists(approvedPath))
        {
            File.WriteAllText(receivedPath, normalized);
            Assert.Fail($"No approved snapshot '{approvedPath}'. Review '{receivedPath}' and rerun with SEI_APPROVE=1 to accept it.");
        }

        var approved = File.ReadAllText(approvedPath).Replace("\r\n", "\n");
        if (approved != normalized)
        {
            File.WriteAllText(receivedPath, normalized);
            Assert.Fail($"The generated code differs from '{approvedPath}'. Compare it with '{receivedPath}'; rerun with SEI_APPROVE=1 if the change is intended.");
        }

        if (File.Exists(receivedPath))
        {
            File.Delete(receivedPath);
        }
    }
}
