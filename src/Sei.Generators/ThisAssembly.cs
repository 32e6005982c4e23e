namespace Sei.Generators;

/// <summary>The generator's version, stamped into <c>[GeneratedCode]</c>. A test keeps it equal to the assembly's version.</summary>
internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
