using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Sei.Packaging.Tests.Infrastructure;

/// <summary>What a <c>dotnet</c> command did: its exit code and everything it printed.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    /// <summary>A failure message that carries the command and the end of its output.</summary>
    public string Describe() => $"`{Command}` exited with {ExitCode} after {Elapsed.TotalSeconds:0.0} s:\n{(Output.Length > 20000 ? Output.Substring(Output.Length - 20000) : Output)}";
}

/// <summary>
/// Runs the real <c>dotnet</c> CLI. Node reuse and the compiler server are off, so no process
/// outlives the command (a lingering server would hold the output pipe open and hang the test).
/// </summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static CommandResult Run(string workingDirectory, params string[] arguments)
        => Run(workingDirectory, new Dictionary<string, string>(), arguments);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";

        // The test host's own MSBuild settings must not leak into the child build.
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildExtensionsPath");
        foreach (var pair in environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new CommandResult("dotnet " + string.Join(" ", arguments), -1, output + "\n(killed after " + Timeout.TotalMinutes + " minutes)", watch.Elapsed);
        }

        // The parameterless wait drains the asynchronous readers.
        process.WaitForExit();
        lock (output)
        {
            return new CommandResult("dotnet " + string.Join(" ", arguments), process.ExitCode, output.ToString(), watch.Elapsed);
        }
    }
}
