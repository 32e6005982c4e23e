using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;

namespace Sei.Tests.Support;

/// <summary>
/// Looks for secrets in text, in every form they travel in: as they are, percent-encoded (as in a
/// URL), form-encoded (as in a token request's body), Base64-encoded, and as the Base64 HTTP Basic
/// pair <c>base64(key:secret)</c>.
/// </summary>
public sealed class SecretScan
{
    private readonly List<(string Label, string Form)> _forms = new();

    /// <summary>Gets how many distinct forms are searched for.</summary>
    public int FormCount => _forms.Count;

    /// <summary>Adds a secret, in each of its encodings.</summary>
    /// <param name="label">What the secret is, for the report.</param>
    /// <param name="secret">The secret.</param>
    /// <returns>This scan, for chaining.</returns>
    public SecretScan Add(string label, string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        AddForm(label, secret);
        AddForm(label + " (percent-encoded)", Uri.EscapeDataString(secret));
        AddForm(label + " (form-encoded)", WebUtility.UrlEncode(secret));
        AddForm(label + " (Base64)", Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
        return this;
    }

    /// <summary>Adds an HTTP Basic pair: <c>base64(user:password)</c>, and the pair as it is.</summary>
    /// <param name="label">What the pair is, for the report.</param>
    /// <param name="user">The user name or app key.</param>
    /// <param name="password">The password or app secret.</param>
    /// <returns>This scan, for chaining.</returns>
    public SecretScan AddBasicPair(string label, string user, string password)
    {
        AddForm(label + " (Basic credentials)", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
        AddForm(label + " (key:secret)", user + ":" + password);
        return this;
    }

    /// <summary>Returns where any form of any secret occurs, one line per finding, with the text around it.</summary>
    /// <param name="texts">The texts to search (log entries, exception texts).</param>
    /// <returns>The findings; empty when no secret occurs.</returns>
    public IReadOnlyList<string> Find(IEnumerable<string> texts)
    {
        var findings = new List<string>();
        foreach (var text in texts)
        {
            foreach (var (label, form) in _forms)
            {
                var at = text.IndexOf(form, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var start = Math.Max(0, at - 120);
                    findings.Add(label + " in: …" + text.Substring(start, Math.Min(text.Length - start, form.Length + 240)).Replace('\n', ' ') + "…");
                }
            }
        }

        return findings;
    }

    private void AddForm(string label, string form)
    {
        // Short forms would match by chance (a two-letter secret occurs in any sentence); tests use long secrets.
        if (form.Length >= 6 && !_forms.Any(f => f.Form == form))
        {
            _forms.Add((label, form));
        }
    }
}
