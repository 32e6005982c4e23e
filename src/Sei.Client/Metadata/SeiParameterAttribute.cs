namespace Sei.Client.Metadata;

/// <summary>Where a parameter travels in the HTTP request.</summary>
public enum SeiParameterLocation
{
    /// <summary>In the path.</summary>
    Path = 0,

    /// <summary>In the query string.</summary>
    Query = 1,

    /// <summary>In a header.</summary>
    Header = 2,

    /// <summary>In the <c>Cookie</c> header.</summary>
    Cookie = 3,

    /// <summary>In the body.</summary>
    Body = 4,
}

/// <summary>Describes how a generated method's parameter travels, with the bounds the document declares.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SeiParameterAttribute : Attribute
{
    /// <summary>Initializes a new instance of the <see cref="SeiParameterAttribute"/> class for a query parameter, the common case.</summary>
    /// <param name="name">The parameter's name on the wire.</param>
    public SeiParameterAttribute(string name)
        : this(name, SeiParameterLocation.Query)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiParameterAttribute"/> class.</summary>
    /// <param name="name">The parameter's name on the wire.</param>
    /// <param name="location">Where the parameter travels.</param>
    public SeiParameterAttribute(string name, SeiParameterLocation location)
    {
        Name = name;
        Location = location;
    }

    /// <summary>Gets the parameter's name on the wire.</summary>
    public string Name { get; }

    /// <summary>Gets where the parameter travels.</summary>
    public SeiParameterLocation Location { get; }

    /// <summary>Gets or sets the document's <c>maxLength</c> for the value (or each item), or -1 when unbounded.</summary>
    public int MaxLength { get; set; } = -1;

    /// <summary>Gets or sets the document's <c>maxItems</c> for an array, or -1 when unbounded.</summary>
    public int MaxItems { get; set; } = -1;

    /// <summary>Gets or sets a value indicating whether an array is sent as one <c>name=value</c> pair per item.</summary>
    public bool Explode { get; set; }
}
