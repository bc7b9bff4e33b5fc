using System.Net;
using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Conversations;

/// <summary>Conversation ids are looked up within the activity's tenant: another tenant naming the same id never reaches this tenant's row.</summary>
public sealed class TenantScopingTests
{
    public const string OtherTenant = "other-tenant";

    /// <summary>A loopback port nobody listens on: the other tenant's welcome fails fast, as from an unknown host.</summary>
    private const string OtherServiceUrl = "http://127.0.0.1:9/";

    [Fact]
    public async Task An_install_from_another_tenant_naming_this_tenants_chat_leaves_its_service_url_and_person_alone()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.InstallPersonal(Teacher));
        var before = await app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync());

        var forged = FromTenant(app.Teams.InstallPersonal(Colleague), OtherTenant, OtherServiceUrl);
        forged.Conversation!.Id = PersonalChatOf(Teacher);
        var response = await app.PostAsync(forged);

        response.IsSuccessStatusCode.ShouldBeTrue();
        var ours = await app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.TenantId == TenantId));
        ours.ServiceUrl.ShouldBe(before.ServiceUrl);
        ours.PersonId.ShouldBe(before.PersonId);
        ours.RemovedAt.ShouldBeNull();
        var theirs = await app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.TenantId == OtherTenant));
        theirs.Id.ShouldNotBe(ours.Id);
        theirs.PersonId.ShouldNotBe(ours.PersonId);
    }

    [Fact]
    public async Task Two_tenants_activities_with_the_same_conversation_and_activity_ids_are_both_handled()
    {
        await using var app = await BotApplication.StartAsync();
        var ours = app.Teams.Message("help", Teacher);
        var theirs = FromTenant(app.Teams.Message("help", Teacher), OtherTenant, OtherServiceUrl);
        theirs.Id = ours.Id;

        (await app.PostAsync(ours)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.PostAsync(theirs)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.QueryAsync(db => db.People.CountAsync(p => p.TenantId == TenantId))).ShouldBe(1);
        (await app.QueryAsync(db => db.People.CountAsync(p => p.TenantId == OtherTenant))).ShouldBe(1);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task An_uninstall_from_another_tenant_naming_this_tenants_chat_does_not_remove_it()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.InstallPersonal(Teacher));

        var forged = FromTenant(app.Teams.UninstallPersonal(Colleague), OtherTenant, OtherServiceUrl);
        forged.Conversation!.Id = PersonalChatOf(Teacher);
        await app.PostAsync(forged);

        (await app.QueryAsync(db => db.Conversations.AsNoTracking().SingleAsync(c => c.TenantId == TenantId))).RemovedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Uninstalling_in_this_tenant_removes_only_this_tenants_chat_of_that_id()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.InstallPersonal(Teacher));
        var forged = FromTenant(app.Teams.InstallPersonal(Colleague), OtherTenant, OtherServiceUrl);
        forged.Conversation!.Id = PersonalChatOf(Teacher);
        await app.PostAsync(forged);

        await app.PostAsync(app.Teams.UninstallPersonal(Teacher));

        var rows = await app.QueryAsync(db => db.Conversations.AsNoTracking().ToListAsync());
        rows.Single(c => c.TenantId == TenantId).RemovedAt.ShouldNotBeNull();
        rows.Single(c => c.TenantId == OtherTenant).RemovedAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_personal_chat_opened_for_a_person_is_stored_in_their_tenant_even_when_another_tenant_has_that_conversation_id()
    {
        await using var app = await BotApplication.StartAsync();
        await app.AddChannelsAsync(1);
        var person = await app.AddPersonAsync("29:anna");
        var otherRowId = await app.QueryAsync(async db =>
        {
            var other = new Conversation
            {
                TenantId = OtherTenant,
                ConversationId = "a:1on1-29:anna",
                ServiceUrl = OtherServiceUrl,
                Kind = ConversationKind.Personal,
                InstalledAt = BotApplication.Start,
            };
            db.Conversations.Add(other);
            await db.SaveChangesAsync();
            return other.Id;
        });

        await app.EnqueueAsync(new OutgoingMessage { DedupeKey = "digest:1", TenantId = DeliveryTesting.Tenant, PersonId = person.Id, Text = "digest:1" });
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(5));

        (await app.OutboxAsync()).ShouldHaveSingleItem().State.ShouldBe(OutboxState.Sent);
        app.Connector.ActivitiesIn("a:1on1-29:anna").Values.ShouldHaveSingleItem().Text.ShouldBe("digest:1");
        var rows = await app.QueryAsync(db => db.Conversations.AsNoTracking().ToListAsync());
        var chat = rows.Single(c => c.TenantId == DeliveryTesting.Tenant && c.Kind == ConversationKind.Personal);
        chat.PersonId.ShouldBe(person.Id);
        chat.ServiceUrl.ShouldBe(app.Connector.ServiceUrl);
        var untouched = rows.Single(c => c.Id == otherRowId);
        untouched.PersonId.ShouldBeNull();
        untouched.ServiceUrl.ShouldBe(OtherServiceUrl);
    }

    /// <summary>The same activity as Teams would send it for a conversation of another tenant.</summary>
    public static Activity FromTenant(Activity activity, string tenantId, string? serviceUrl = null)
    {
        activity.ChannelData!.Tenant = new TenantInfo { Id = tenantId };
        activity.Conversation!.TenantId = tenantId;
        activity.ServiceUrl = serviceUrl ?? activity.ServiceUrl;
        return activity;
    }
}
