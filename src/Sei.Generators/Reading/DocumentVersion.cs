namespace Sei.Generators.Reading;

/// <summary>The versions of the specification the generator reads; each has its own set of fields and rules.</summary>
internal enum DocumentVersion
{
    Swagger2,
    OpenApi30,
    OpenApi31,
}

/// <summary>How the versions are named in messages.</summary>
internal static class DocumentVersionNames
{
    public static string Display(this DocumentVersion version) => version switch
    {
        DocumentVersion.Swagger2 => "Swagger 2.0",
        DocumentVersion.OpenApi30 => "OpenAPI 3.0",
        DocumentVersion.OpenApi31 => "OpenAPI 3.1",
        _ => throw new System.ArgumentOutOfRangeException(nameof(version), version, "Not a version the generator reads."),
    };
}
