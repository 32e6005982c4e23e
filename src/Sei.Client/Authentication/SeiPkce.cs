using System.Security.Cryptography;

namespace Sei.Client.Authentication;

/// <summary>Proof Key for Code Exchange (RFC 7636) with the S256 method, which SEI requires of native apps.</summary>
public static class SeiPkce
{
    /// <summary>The challenge method: SHA-256 of the verifier, Base64url-encoded.</summary>
    public const string Method = "S256";

    /// <summary>Creates a code verifier: 43 characters of Base64url from 32 random bytes.</summary>
    /// <returns>The verifier; keep it until the code is exchanged.</returns>
    public static string CreateVerifier()
    {
        var bytes = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return Base64Url(bytes);
    }

    /// <summary>Computes the S256 code challenge of a verifier.</summary>
    /// <param name="verifier">The code verifier.</param>
    /// <returns>The challenge to send with the authorization request.</returns>
    public static string CreateChallenge(string verifier)
    {
        if (string.IsNullOrEmpty(verifier))
        {
            throw new ArgumentException("The code verifier is empty.", nameof(verifier));
        }

        using var sha256 = SHA256.Create();
        return Base64Url(sha256.ComputeHash(Encoding.ASCII.GetBytes(verifier)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
