namespace Sei.Testing;

/// <summary>The SEI test server cannot start from what it was given; the message says what to change.</summary>
public sealed class SeiTestServerException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="SeiTestServerException"/> class.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    public SeiTestServerException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiTestServerException"/> class.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public SeiTestServerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SeiTestServerException"/> class.</summary>
    public SeiTestServerException()
    {
    }
}
