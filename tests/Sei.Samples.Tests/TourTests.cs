using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace Sei.Samples.Tests;

/// <summary>The README's main job: the tour runs against the embedded sandbox and every step passes.</summary>
public sealed class TourTests
{
    [Fact]
    public async Task The_tour_passes_every_step_against_the_embedded_sandbox()
    {
        var tour = FindTour();
        var start = new ProcessStartInfo("dotnet", "\"" + tour + "\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;

        Assert.True(process.ExitCode == 0, text);
        Assert.Contains("all 7 steps passed", text);
        Assert.Contains("RequestTrackingId", text);
        Assert.Contains("Obtained an OAuth token", text);
        Assert.Contains("followed rel=holders", text);
        Assert.Contains("ex.Code       = accounts.account.not_found", text);
        Assert.Contains("Streamed 137 distinct accounts with await foreach", text);
    }

    private static string FindTour()
    {
        // The test and the sample build with the same configuration and target framework.
        var targetDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = targetDirectory.Parent!.Name;
        var root = targetDirectory;
        while (!File.Exists(Path.Combine(root.FullName, "Sei.Generators.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("Sei.Generators.sln was not found above " + AppContext.BaseDirectory);
        }

        var path = Path.Combine(root.FullName, "samples", "Sei.Samples.Tour", "bin", configuration, "net10.0", "Sei.Samples.Tour.dll");
        Assert.True(File.Exists(path), "The tour was not built at " + path);
        return path;
    }
}
