namespace Sei.Client.Http;

/// <summary>
/// How a parameter is laid out in the URL, a header or a cookie, after the OpenAPI <c>style</c> keyword
/// (and Swagger 2.0's <c>collectionFormat</c>). The examples are for <c>color</c> set to <c>blue</c>,
/// to <c>[blue, black]</c> and to <c>{R: 100, G: 200}</c>, without <c>explode</c> and then with it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum SeiParameterStyle
{
    /// <summary><c>form</c>, the query and cookie default: <c>color=blue,black</c>, <c>color=R,100,G,200</c>; exploded <c>color=blue&amp;color=black</c>, <c>R=100&amp;G=200</c>.</summary>
    Form = 0,

    /// <summary><c>simple</c>, the path and header default: <c>blue,black</c>, <c>R,100,G,200</c>; exploded <c>R=100,G=200</c>.</summary>
    Simple = 1,

    /// <summary><c>spaceDelimited</c> (2.0 <c>ssv</c>), query only: <c>color=blue%20black</c>, <c>color=R%20100%20G%20200</c>.</summary>
    SpaceDelimited = 2,

    /// <summary><c>pipeDelimited</c> (2.0 <c>pipes</c>), query only: <c>color=blue%7Cblack</c>, <c>color=R%7C100%7CG%7C200</c>.</summary>
    PipeDelimited = 3,

    /// <summary><c>deepObject</c>, query only, for objects: <c>color%5BR%5D=100&amp;color%5BG%5D=200</c>.</summary>
    DeepObject = 4,

    /// <summary><c>matrix</c>, path only: <c>;color=blue</c>, <c>;color=blue,black</c>, <c>;color=R,100,G,200</c>; exploded <c>;color=blue;color=black</c>, <c>;R=100;G=200</c>.</summary>
    Matrix = 5,

    /// <summary><c>label</c>, path only: <c>.blue</c>, <c>.blue,black</c>, <c>.R,100,G,200</c>; exploded <c>.blue.black</c>, <c>.R=100.G=200</c>.</summary>
    Label = 6,

    /// <summary>Swagger 2.0's <c>tsv</c>, which OpenAPI 3 has no style for: <c>color=blue%09black</c>.</summary>
    TabDelimited = 7,
}
