namespace Sei.Client.Http;

/// <summary>How an array or object parameter is laid out in the URL, after the OpenAPI <c>style</c> keyword.</summary>
public enum SeiParameterStyle
{
    /// <summary><c>form</c>: <c>name=a&amp;name=b</c> when exploded, <c>name=a,b</c> otherwise (the query default).</summary>
    Form = 0,

    /// <summary><c>simple</c>: <c>a,b</c> (the path and header default).</summary>
    Simple = 1,

    /// <summary><c>spaceDelimited</c>: <c>name=a%20b</c>.</summary>
    SpaceDelimited = 2,

    /// <summary><c>pipeDelimited</c>: <c>name=a%7Cb</c>.</summary>
    PipeDelimited = 3,

    /// <summary><c>deepObject</c>: <c>name[key]=value</c>.</summary>
    DeepObject = 4,
}
