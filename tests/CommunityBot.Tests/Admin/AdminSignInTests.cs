using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Admin;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Communities.Import;
using CommunityBot.Delivery;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Admin;

/// <summary>
/// The admin surface with Entra ID tokens from a local issuer and per-tenant automation keys, through the whole host,
/// called from another machine (so the Development loopback rule admits nobody).
/// </summary>
public sealed class AdminSignInTests(OpenIdMetadataServer server) : IClassFixture<OpenIdMetadataServer>
{
    private const string TenantA = "a0000000-0000-4000-8000-00000000000a";
    private const string TenantB = "b0000000-0000-4000-8000-00000000000b";
    private const string EmptyImport = "{\"schools\":[],\"communities\":[],\"people\":[],\"memberships\":[]}";
    private const string OneCommunity = "{\"communities\":[{\"name\":\"Wiskunde eerste graad\"}]}";

    private readonly (TestAuthority Keys, string Host) entra = server.AddEntraTenant(BotApplication.HostingTenant);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<BotApplication> StartAsync()
    {
        var app = await BotApplication.StartAsync(s => s["AzureAd:Instance"] = entra.Host + "/");
        app.RemoteAddress = IPAddress.Parse("192.0.2.10");
        return app;
    }

    /// <summary>A token as Entra issues it to a user of <paramref name="tenant"/> for the admin app.</summary>
    private string Token(string tenant, bool admin = true, string? issuerTenant = null, SigningCredentials? signing = null)
    {
        var claims = new Dictionary<string, object> { ["tid"] = tenant, ["oid"] = Guid.NewGuid().ToString() };
        if (admin)
        {
            claims["roles"] = new[] { AzureAdOptions.AdminRole };
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{entra.Host}/{issuerTenant ?? tenant}/v2.0",
            Audience = $"api://{BotApplication.AdminClientId}",
            Claims = claims,
            // Valid on the fake clock (March 2026) and on the real one, whichever the validation reads.
            NotBefore = BotApplication.Start.UtcDateTime.AddHours(-1),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = signing ?? new SigningCredentials(entra.Keys.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static async Task<HttpResponseMessage> SendAsync(
        BotApplication app, HttpMethod method, string path, string? token = null, string? key = null, HttpContent? body = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = body };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (key is not null)
        {
            request.Headers.Add(ImportEndpoint.KeyHeader, key);
        }
        return await client.SendAsync(request, Ct);
    }

    private static Task<HttpResponseMessage> ImportAsync(BotApplication app, string query, string? token = null, string? key = null, string body = OneCommunity) =>
        SendAsync(app, HttpMethod.Post, "/admin/import" + query, token, key, new StringContent(body, Encoding.UTF8, "application/json"));

    private static Task<int> CommunitiesAsync(BotApplication app) => app.QueryAsync(db => db.Communities.CountAsync());

    [Fact]
    public async Task Anonymous_callers_get_401_and_tokens_without_the_admin_role_or_of_the_wrong_issuer_are_refused_everywhere()
    {
        await using var app = await StartAsync();
        var member = Token(TenantA, admin: false);
        var forged = Token(TenantA, issuerTenant: TenantB);
        var unsigned = Token(TenantA, signing: new SigningCredentials(TestAuthority.NewKey(), SecurityAlgorithms.RsaSha256));

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "/admin/delivery/failed"), (HttpMethod.Get, "/admin/keys"), (HttpMethod.Get, "/hangfire"),
            (HttpMethod.Post, "/admin/communities/1/check-in-instrument"),
        })
        {
            (await SendAsync(app, method, path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            (await SendAsync(app, method, path, member)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
            (await SendAsync(app, method, path, forged)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
            (await SendAsync(app, method, path, unsigned)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, path);
        }
        (await ImportAsync(app, $"?tenant={TenantA}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ImportAsync(app, $"?tenant={TenantA}", member)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CommunitiesAsync(app)).ShouldBe(0);
    }

    [Fact]
    public async Task An_admin_imports_into_their_own_tenant_only()
    {
        await using var app = await StartAsync();
        var admin = Token(TenantA);

        (await ImportAsync(app, $"?tenant={TenantB}", admin)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CommunitiesAsync(app)).ShouldBe(0);

        (await ImportAsync(app, "", admin)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ImportAsync(app, $"?tenant={TenantA.ToUpperInvariant()}", admin, body: EmptyImport)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Communities.Select(c => c.TenantId).ToListAsync())).ShouldBe([TenantA]);
    }

    [Fact]
    public async Task An_admin_offboards_their_own_tenant_only()
    {
        await using var app = await StartAsync();
        (await ImportAsync(app, "", Token(TenantB))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await SendAsync(app, HttpMethod.Delete, $"/admin/tenants/{TenantB}", Token(TenantA))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.QueryAsync(db => db.Communities.Select(c => c.TenantId).ToListAsync())).ShouldBe([TenantB]);

        (await SendAsync(app, HttpMethod.Delete, $"/admin/tenants/{TenantB}", Token(TenantB))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CommunitiesAsync(app)).ShouldBe(0);
    }

    [Fact]
    public async Task Delivery_admin_shows_an_admin_only_their_tenants_rows()
    {
        await using var app = await StartAsync();
        await app.QueryAsync(db =>
        {
            db.Add(new OutboxMessage { DedupeKey = "a", TenantId = TenantA, Purpose = "reminder", State = OutboxState.Failed });
            db.Add(new OutboxMessage { DedupeKey = "b", TenantId = TenantB, Purpose = "reminder", State = OutboxState.Unreachable });
            return db.SaveChangesAsync();
        });

        var response = await SendAsync(app, HttpMethod.Get, "/admin/delivery/failed", Token(TenantA));
        var rows = await response.Content.ReadFromJsonAsync<List<FailedDelivery>>(Ct);

        rows.ShouldNotBeNull().ShouldHaveSingleItem().DedupeKey.ShouldBe("a");
        (await SendAsync(app, HttpMethod.Get, $"/admin/delivery/failed?tenant={TenantB}", Token(TenantA))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_tenants_community_is_not_found_for_the_check_in_instrument()
    {
        await using var app = await StartAsync();
        var theirs = await app.QueryAsync(async db =>
        {
            var community = new Community { TenantId = TenantB, Name = "Nederlands tweede graad" };
            db.Add(community);
            await db.SaveChangesAsync();
            return community.Id;
        });

        var response = await SendAsync(app, HttpMethod.Post, $"/admin/communities/{theirs}/check-in-instrument", Token(TenantA), body: JsonContent.Create(new { version = 1 }));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(app, HttpMethod.Post, $"/admin/communities/{theirs}/check-in-instrument", Token(TenantB), body: JsonContent.Create(new { version = 1 })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_job_dashboard_is_for_admins_of_the_hosting_tenant_only()
    {
        await using var app = await StartAsync();

        (await SendAsync(app, HttpMethod.Get, "/hangfire", Token(TenantA))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(app, HttpMethod.Get, "/hangfire", Token(BotApplication.HostingTenant))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_admin_makes_a_key_that_imports_into_their_tenant_only_until_it_is_revoked()
    {
        await using var app = await StartAsync();
        var admin = Token(TenantA);

        var created = await SendAsync(app, HttpMethod.Post, "/admin/keys", admin, body: JsonContent.Create(new { name = "nachtelijke sync" }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await created.Content.ReadFromJsonAsync<CreatedAutomationKey>(Ct)).ShouldNotBeNull();
        key.Key.ShouldStartWith(AutomationKey.Prefix);
        var stored = await app.QueryAsync(db => db.Set<AutomationKey>().SingleAsync());
        stored.TenantId.ShouldBe(TenantA);
        stored.Hash.ShouldBe(AutomationKey.HashOf(key.Key));
        stored.Hash.ShouldNotContain(key.Key[AutomationKey.Prefix.Length..]);
        var listed = await (await SendAsync(app, HttpMethod.Get, "/admin/keys", admin)).Content.ReadAsStringAsync(Ct);
        listed.ShouldContain("nachtelijke sync");
        listed.ShouldNotContain(key.Key);

        (await ImportAsync(app, $"?tenant={TenantB}", key: key.Key)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(app, HttpMethod.Get, "/admin/keys", key: key.Key)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SendAsync(app, HttpMethod.Get, "/admin/delivery/failed", key: key.Key)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CommunitiesAsync(app)).ShouldBe(0);
        (await ImportAsync(app, "", key: key.Key)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Communities.Select(c => c.TenantId).ToListAsync())).ShouldBe([TenantA]);

        (await SendAsync(app, HttpMethod.Delete, $"/admin/keys/{key.Id}", Token(TenantB))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ImportAsync(app, "", key: key.Key, body: EmptyImport)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SendAsync(app, HttpMethod.Delete, $"/admin/keys/{key.Id}", admin)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ImportAsync(app, "", key: key.Key, body: EmptyImport)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_needs_a_name_and_a_bad_body_changes_nothing()
    {
        await using var app = await StartAsync();

        (await SendAsync(app, HttpMethod.Post, "/admin/keys", Token(TenantA), body: JsonContent.Create(new { name = " " }))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(app, HttpMethod.Post, "/admin/keys", Token(TenantA), body: new StringContent("[1,", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.QueryAsync(db => db.Set<AutomationKey>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Outside_development_the_host_refuses_to_start_without_the_admin_sign_in_settings()
    {
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var app = await BotApplication.StartAsync(s =>
            {
                s["environment"] = "Production";
                s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1";
                s.Remove("AzureAd:TenantId");
            });
        });

        failure.ToString().ShouldContain("AzureAd:TenantId and AzureAd:ClientId are required outside Development");
    }
}
