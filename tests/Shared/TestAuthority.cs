using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace CommunityBot.Testing;

/// <summary>
/// One token issuer served by <see cref="OpenIdMetadataServer"/>: its OpenID metadata, its JWKS (public RSA keys only)
/// and how often each was fetched. Each test gets its own, so they never share keys or counters.
/// </summary>
public sealed class TestAuthority
{
    private static readonly Lazy<RSA[]> KeyPool = new(() => [.. Enumerable.Range(0, 4).AsParallel().Select(_ => RSA.Create(2048))]);
    private static int s_nextPoolKey;

    private readonly Lock gate = new();
    private readonly List<RsaSecurityKey> publishedKeys = [];
    private readonly string metadataPath;
    private readonly string keysUrl;
    private int metadataFetches;
    private int keySetFetches;
    private int refusals;

    internal TestAuthority(string baseUrl, string metadataPath, string issuer)
    {
        this.metadataPath = metadataPath;
        keysUrl = $"{baseUrl}/keys";
        MetadataUrl = $"{baseUrl}/{metadataPath}";
        Issuer = issuer;
        SigningKey = PublishNewKey();
    }

    public string Issuer { get; }

    public string MetadataUrl { get; }

    /// <summary>The key published from the start.</summary>
    public RsaSecurityKey SigningKey { get; }

    public int MetadataFetches => Volatile.Read(ref metadataFetches);

    public int KeySetFetches => Volatile.Read(ref keySetFetches);

    /// <summary>Documents answered 503 while <see cref="IsDown"/>: how often a fetch was tried.</summary>
    public int Refusals => Volatile.Read(ref refusals);

    /// <summary>While true, every document answers 503.</summary>
    public bool IsDown { get; set; }

    /// <summary>Real time every document waits before it is answered: a metadata endpoint that hangs.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>The channels every published key is endorsed for, as the Bot Framework metadata lists them; null lists none.</summary>
    public string[]? Endorsements { get; set; }

    /// <summary>A key with a fresh key id. RSA-2048 generation is slow, so the key material comes round-robin from a small pool.</summary>
    public static RsaSecurityKey NewKey() =>
        new(KeyPool.Value[Interlocked.Increment(ref s_nextPoolKey) % KeyPool.Value.Length]) { KeyId = Guid.NewGuid().ToString("N") };

    public RsaSecurityKey PublishNewKey()
    {
        var key = NewKey();
        lock (gate)
        {
            publishedKeys.Add(key);
        }

        return key;
    }

    internal IResult Serve(string path)
    {
        if (IsDown)
        {
            Interlocked.Increment(ref refusals);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (path == this.metadataPath)
        {
            Interlocked.Increment(ref metadataFetches);
            return Json(new MetadataDocument(Issuer, keysUrl, ["RS256"]));
        }

        if (path == "keys")
        {
            Interlocked.Increment(ref keySetFetches);
            lock (gate)
            {
                return Json(new KeySetDocument([.. publishedKeys.Select(key => PublicJwk(key, Endorsements))]));
            }
        }

        return Results.NotFound();
    }

    private static Jwk PublicJwk(RsaSecurityKey key, string[]? endorsements)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Jwk("RSA", "sig", key.KeyId, Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent), endorsements);
    }

    private static IResult Json<T>(T document) =>
        Results.Text(JsonSerializer.Serialize(document, SerializerOptions), "application/json");

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerOptions.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record MetadataDocument(
        string Issuer,
        [property: System.Text.Json.Serialization.JsonPropertyName("jwks_uri")] string JwksUri,
        [property: System.Text.Json.Serialization.JsonPropertyName("id_token_signing_alg_values_supported")] string[] Algorithms);

    private sealed record KeySetDocument(Jwk[] Keys);

    private sealed record Jwk(string Kty, string Use, string Kid, string N, string E, string[]? Endorsements);
}
