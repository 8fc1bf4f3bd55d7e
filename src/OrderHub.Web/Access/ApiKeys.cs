using System.Security.Cryptography;
using System.Text;

namespace OrderHub.Web.Access;

public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string Prefix(string key) => key.Length <= 6 ? key : key[..6];

    /// <summary>A new random key for a new client ("oh_" + 32 url-safe characters).</summary>
    public static string Generate() => "oh_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
}
