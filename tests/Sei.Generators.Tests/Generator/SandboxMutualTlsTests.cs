using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Sei.Generators.Tests.Infrastructure;
using Sei.Sandbox;
using Xunit;

namespace Sei.Generators.Tests.Generator;

/// <summary>Two-way TLS through the generated client against the sandbox, which requires a client certificate.</summary>
public sealed class SandboxMutualTlsTests
{
    private const string Probe = """
        using System;
        using System.Security.Cryptography.X509Certificates;
        using System.Threading.Tasks;
        using Consumer.Accounts.V1;
        using Sei.Client;

        public static class Probe
        {
            // The argument is "baseUrl|authority.crt|client (.pfx or .crt)|password or key file|mode".
            public static async Task<string> Call(string argument)
            {
                var parts = argument.Split('|');
                var options = new SeiClientOptions { BaseAddress = new Uri(parts[0]) };
                options.Retry.Enabled = false;
                if (parts[4] != "untrusted")
                {
                    options.TrustedCertificateAuthorities.Add(X509CertificateLoader.LoadCertificateFromFile(parts[1]));
                }

                if (parts[4] is "pfx" or "untrusted")
                {
                    options.ClientCertificate = SeiCertificates.LoadPfx(parts[2], parts[3]);
                }
                else if (parts[4] == "pem")
                {
                    options.ClientCertificate = SeiCertificates.LoadPem(parts[2], parts[3]);
                }

                try
                {
                    var account = await AccountsClient.Create(options).GetAccountAsync("ACC-00000001");
                    return "ok " + account.Value.AccountId;
                }
                catch (SeiTransportException exception)
                {
                    return "transport " + exception.Message;
                }
            }
        }
        """;

    [Fact]
    public async Task A_client_certificate_from_pfx_or_pem_gets_through_and_nothing_else_does()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { RequireClientCertificate = true });
        var certificates = sandbox.Certificates!;
        var folder = Directory.CreateTempSubdirectory("sei-mtls-").FullName;
        try
        {
            var authority = Path.Combine(folder, "ca.crt");
            File.WriteAllText(authority, certificates.Authority.ExportCertificatePem());
            using var client = certificates.IssueClientCertificate("svc-accounts-reader");
            var pfx = Path.Combine(folder, "svc.pfx");
            File.WriteAllBytes(pfx, client.Export(X509ContentType.Pkcs12, "pfx-password"));
            var crt = Path.Combine(folder, "svc.crt");
            var key = Path.Combine(folder, "svc.key");
            File.WriteAllText(crt, client.ExportCertificatePem());
            File.WriteAllText(key, client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
            var assembly = CompiledClient.Compile(GeneratorHarness.Run(new[] { SpecFile.FromRepository("accounts.v1.yaml") }, new[] { Probe }));
            Task<string> Call(string client, string secret, string mode) => CompiledClient.InvokeAsync(assembly, "Call", string.Join("|", sandbox.BaseAddress, authority, client, secret, mode));

            Assert.StartsWith("https://127.0.0.1:", sandbox.BaseAddress.ToString());
            Assert.Equal("ok ACC-00000001", await Call(pfx, "pfx-password", "pfx"));
            Assert.Equal("ok ACC-00000001", await Call(crt, key, "pem"));
            Assert.StartsWith("transport ", await Call(string.Empty, string.Empty, "none"));
            // The sandbox's authority is not trusted here: the server certificate fails, as it must; validation is not switched off.
            Assert.StartsWith("transport ", await Call(pfx, "pfx-password", "untrusted"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
