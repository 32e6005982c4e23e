using System.Threading.Tasks;
using Sei.Generators.Analyzers;
using Xunit;

namespace Sei.Generators.Tests.Analyzers;

/// <summary>SEI3003: true positives are marked; the false-positive cases expect nothing.</summary>
public sealed class CredentialInCodeAnalyzerTests
{
    private static Task Verify(string body) => AnalyzerVerifier<CredentialInCodeAnalyzer>.VerifyAsync("""
        using System;
        using System.Net.Http;
        using Sei.Client;
        using Sei.Client.Authentication;

        public sealed class Setup
        {
            private const string FromConstant = "k-123";

            public void Run(string keyFromConfiguration, string secretFromVault, string password)
            {
        """ + body + """

            }
        }
        """);

    [Fact]
    public Task Literal_keys_secrets_and_passwords_are_reported() => Verify("""
                new SeiClientOptions().UseClientCredentials({|SEI3003:"app-key-1"|}, {|SEI3003:"s3cr3t"|});
                _ = new SeiClientCredentials({|SEI3003:FromConstant|}, secretFromVault);
                SeiCertificates.LoadPfx("svc.pfx", {|SEI3003:"pfx-password"|});
                _ = new SeiAuthorizationCodeFlow(new HttpClient(), new Uri("https://a/authorize"), new Uri("https://a/token"), "public-client-id", {|SEI3003:"client-secret"|});
        """);

    [Fact]
    public Task Values_from_configuration_are_not_reported() => Verify("""
                new SeiClientOptions().UseClientCredentials(keyFromConfiguration, secretFromVault);
                SeiCertificates.LoadPfx("svc.pfx", password);
                SeiCertificates.LoadPfx("svc.pfx", null);
                SeiCertificates.LoadPfx("svc.pfx", "");
                _ = new SeiAuthorizationCodeFlow(new HttpClient(), new Uri("https://a/authorize"), new Uri("https://a/token"), "public-client-id");
        """);
}
