using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityBot.Admin;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Privacy;
using CommunityBot.Tenants;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.CheckIns;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Privacy;

/// <summary><c>DELETE /admin/tenants/{tenant}</c>: everything of one school group goes, another's stays exactly as it was.</summary>
public sealed class TenantOffboardingTests
{
    private const string OtherTenant = "22222222-2222-2222-2222-222222222222";

    /// <summary>Activity claims hold no tenant (hashed keys); the retention job removes them after two days.</summary>
    private static readonly string[] Unattributable = ["ProcessedActivities"];

    [Fact]
    public async Task A_removed_tenant_leaves_no_row_in_any_table_and_another_tenants_rows_are_untouched()
    {
        await using var app = await BotApplication.StartAsync(s => s["CheckIns:PseudonymSecret"] = CheckInWorld.TestSecret);
        (await ImportAsync(app, "import-valid.csv")).ShouldBe(HttpStatusCode.OK);
        (await ImportAsync(app, "import-intervision.csv")).ShouldBe(HttpStatusCode.OK);
        var otherTenantOnly = await DatabaseSnapshot.TakeAsync(app, Unattributable);
        var world = await AgreementWorld.CreateAsync(app);
        await PersonErasureTests.LiveAPartOfLifeAsync(app, world, Language.Dutch);
        // More messages than one batch holds, so the delete has to go round more than once.
        await app.QueryAsync(db =>
        {
            db.Set<OutboxMessage>().AddRange(Enumerable.Range(0, BatchDelete.BatchSize + 200).Select(i => new OutboxMessage
            {
                DedupeKey = $"bulk:{i}", TenantId = TeamsActivities.TenantId, ConversationRowId = world.ChannelRowId, Text = "Bulk",
                Purpose = "test", State = OutboxState.Sent, NextAttemptAt = long.MaxValue,
            }));
            // The tenant's own settings, their history and an automation key belong to it as much as its communities.
            db.Set<TenantSettingsRow>().Add(new TenantSettingsRow { TenantId = TeamsActivities.TenantId, MinimumResponses = 5 });
            db.Set<TenantSettingsChange>().Add(new TenantSettingsChange { TenantId = TeamsActivities.TenantId, Setting = TenantSetting.MinimumResponses, OldValue = "4", NewValue = "5" });
            db.Set<AutomationKey>().Add(new AutomationKey { TenantId = TeamsActivities.TenantId, Name = "sync", Hash = new string('a', 64) });
            return db.SaveChangesAsync();
        });

        using var client = app.CreateClient();
        using var response = await client.DeleteAsync($"/admin/tenants/{TeamsActivities.TenantId}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var summary = await response.Content.ReadFromJsonAsync<OffboardingSummary>(TestContext.Current.CancellationToken);
        summary!.Deleted["communities"].ShouldBe(1);
        summary.Deleted["outboxMessages"].ShouldBeGreaterThan(BatchDelete.BatchSize);
        (await DatabaseSnapshot.TakeAsync(app, Unattributable)).ShouldBe(otherTenantOnly);
    }

    [Fact]
    public async Task Without_the_admin_policy_the_request_is_refused_and_nothing_changes()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["environment"] = "Production";
            s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1";
            s["Communities:ImportApiKey"] = "a-long-import-key-for-tests-only-0123456789";
        });
        await AgreementWorld.CreateAsync(app);
        var before = await DatabaseSnapshot.TakeAsync(app);

        using var client = app.CreateClient();
        using var response = await client.DeleteAsync($"/admin/tenants/{TeamsActivities.TenantId}", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DatabaseSnapshot.TakeAsync(app)).ShouldBe(before);
    }

    private static async Task<HttpStatusCode> ImportAsync(BotApplication app, string sample)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(directory!.FullName, "samples")))
        {
            directory = directory.Parent;
        }
        using var client = app.CreateClient();
        using var content = new StringContent(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "samples", sample)), Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync($"/admin/import?tenant={OtherTenant}", content, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
