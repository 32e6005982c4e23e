using System.Threading.Tasks;
using Sei.Generators.Analyzers;
using Xunit;

namespace Sei.Generators.Tests.Analyzers;

/// <summary>SEI3004: true positives are marked; the false-positive cases expect nothing.</summary>
public sealed class CertificateValidationOffAnalyzerTests
{
    private static Task Verify(string body) => AnalyzerVerifier<CertificateValidationOffAnalyzer>.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Security;

        public sealed class Setup
        {
            public void Run(bool strict)
            {
        """ + body + """

            }
        }
        """);

    [Fact]
    public Task Callbacks_that_accept_any_certificate_are_reported() => Verify("""
                var a = new HttpClientHandler();
                {|SEI3004:a.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true|};
                var b = new HttpClientHandler();
                {|SEI3004:b.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|};
                var c = new HttpClientHandler { {|SEI3004:ServerCertificateCustomValidationCallback = delegate { return true; }|} };
                var d = new SocketsHttpHandler();
                {|SEI3004:d.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true|};
        """);

    [Fact]
    public Task Callbacks_that_still_check_are_not_reported() => Verify("""
                var a = new HttpClientHandler();
                a.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => errors == SslPolicyErrors.None;
                var b = new HttpClientHandler();
                b.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => { if (strict) return false; return errors == SslPolicyErrors.None; };
        """);
}
