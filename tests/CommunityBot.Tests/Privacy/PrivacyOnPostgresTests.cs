using System.Text;
using CommunityBot.Localization;
using CommunityBot.Privacy;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.CheckIns;
using CommunityBot.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Privacy;

/// <summary>Export, erasure, retention and offboarding run their raw and batched SQL on PostgreSQL as on SQLite.</summary>
public sealed class PrivacyOnPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Export_erasure_retention_and_offboarding_do_the_same_on_PostgreSQL()
    {
        var connectionString = await postgres.DatabaseAsync($"privacy_{Guid.NewGuid():N}");
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = connectionString;
            s["CheckIns:PseudonymSecret"] = CheckInWorld.TestSecret;
        });
        var world = await AgreementWorld.CreateAsync(app);
        await PersonErasureTests.LiveAPartOfLifeAsync(app, world, Language.Dutch);

        var export = await CheckInWorld.WithAsync(app, sp =>
            sp.GetRequiredService<DataExport>().ForAsync(new ExportGrant(TeamsActivities.TenantId, world.Id(Megan)), CancellationToken.None));
        var exported = Encoding.UTF8.GetString(export!);
        exported.ShouldContain("Meer tijd samen");
        exported.ShouldContain("Oudercontact");
        exported.ShouldNotContain("Adele");

        await app.InvokeAsync(app.Teams.Execute(PrivacyVerbs.ConfirmErase, new EraseData(world.Id(Megan)), "card-9", Megan));
        (await PersonErasureTests.LeftoversAsync(app, world.Id(Megan), [Megan.Name!, Megan.AadObjectId!, Megan.Id, "megan@school.be"])).ShouldBeEmpty();

        await RetentionTests.SeedHistoryAsync(app, world, RetentionTests.LastOf2023To24, "old");
        await RetentionTests.SeedHistoryAsync(app, world, RetentionTests.FirstOf2024To25, "kept");
        await world.AtAsync<RetentionJob>(RetentionTests.SchoolYear2026Begins);
        (await RetentionTests.HistoryAsync(app)).Where(m => m.EndsWith(" old", StringComparison.Ordinal) || m.EndsWith(" kept", StringComparison.Ordinal))
            .ShouldBe(RetentionTests.All("kept"));

        using var client = app.CreateClient();
        (await client.DeleteAsync($"/admin/tenants/{TeamsActivities.TenantId}", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await DatabaseSnapshot.TakeAsync(app, "ProcessedActivities")).ShouldBeEmpty();
    }
}
