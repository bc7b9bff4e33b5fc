using System.Net;
using System.Net.Http.Json;
using CommunityBot.CheckIns;
using CommunityBot.Communities.Import;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CommunityBot.Tests.Admin;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.CheckIns;

public sealed class CheckInInstrumentEndpointTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("instruments-").FullName;

    /// <summary>The shipped v1 next to a v2 that differs only in its number: enough for the catalog to hold two.</summary>
    private Action<IServiceCollection> TwoVersions()
    {
        var v1 = File.ReadAllText(Path.Combine(InstrumentCatalog.DefaultDirectory, "instrument-v1.json"));
        File.WriteAllText(Path.Combine(directory, "instrument-v1.json"), v1);
        File.WriteAllText(Path.Combine(directory, "instrument-v2.json"), v1.Replace("\"version\": 1,", "\"version\": 2,", StringComparison.Ordinal));
        return services =>
        {
            services.RemoveAll<InstrumentCatalog>();
            services.AddSingleton(new InstrumentCatalog(directory));
        };
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<(HttpStatusCode Status, CheckInInstrumentVersion? Body)> MoveAsync(BotApplication app, long communityId, int version, string? key = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/communities/{communityId}/check-in-instrument")
        {
            Content = JsonContent.Create(new { version }),
        };
        if (key is not null)
        {
            request.Headers.Add(ImportEndpoint.KeyHeader, key);
        }
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK
            ? await response.Content.ReadFromJsonAsync<CheckInInstrumentVersion>(TestContext.Current.CancellationToken) : null);
    }

    private static Task<int> VersionAsync(BotApplication app, long communityId) =>
        app.QueryAsync(db => db.Communities.Where(c => c.Id == communityId).Select(c => c.CheckInInstrumentVersion).SingleAsync());

    [Fact]
    public async Task An_admin_moves_a_community_to_a_newer_version_and_the_open_round_keeps_its_own()
    {
        var (app, world) = await CheckInWorld.CreateAsync(services: TwoVersions());
        await using var _ = app;
        var open = await CheckInWorld.OpenAsync(app, world.CommunityId);

        var (status, body) = await MoveAsync(app, world.CommunityId, 2);

        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe(new CheckInInstrumentVersion(world.CommunityId, 2));
        (await VersionAsync(app, world.CommunityId)).ShouldBe(2);
        (await app.QueryAsync(db => db.CheckIns.Where(c => c.Id == open).Select(c => c.InstrumentVersion).SingleAsync())).ShouldBe(1);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public async Task A_version_the_catalog_does_not_have_is_refused(int version)
    {
        var (app, world) = await CheckInWorld.CreateAsync(services: TwoVersions());
        await using var _ = app;

        (await MoveAsync(app, world.CommunityId, version)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await VersionAsync(app, world.CommunityId)).ShouldBe(1);
    }

    [Fact]
    public async Task A_version_older_than_the_current_one_is_refused()
    {
        var (app, world) = await CheckInWorld.CreateAsync(services: TwoVersions());
        await using var _ = app;
        (await MoveAsync(app, world.CommunityId, 2)).Status.ShouldBe(HttpStatusCode.OK);

        (await MoveAsync(app, world.CommunityId, 1)).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await VersionAsync(app, world.CommunityId)).ShouldBe(2);
    }

    [Fact]
    public async Task An_unknown_community_is_not_found()
    {
        var (app, world) = await CheckInWorld.CreateAsync(services: TwoVersions());
        await using var _ = app;

        (await MoveAsync(app, world.CommunityId + 1000, 2)).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outside_development_it_needs_a_signed_in_admin_and_an_import_key_is_not_enough()
    {
        var services = TwoVersions();
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["environment"] = "Production";
            s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1";
            s["CheckIns:PseudonymSecret"] = CheckInWorld.TestSecret;
        }, services);
        var world = await AgreementWorld.CreateAsync(app);
        var key = await app.AddAutomationKeyAsync(TeamsActivities.TenantId);

        (await MoveAsync(app, world.CommunityId, 2)).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await MoveAsync(app, world.CommunityId, 2, "wrong")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await MoveAsync(app, world.CommunityId, 2, key)).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await VersionAsync(app, world.CommunityId)).ShouldBe(1);
    }
}
