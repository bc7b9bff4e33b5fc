using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class OutboxTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Enqueueing_the_same_dedupe_key_twice_sends_once()
    {
        await using var app = await BotApplication.StartAsync();
        var channel = (await app.AddChannelsAsync(1))[0];

        (await app.EnqueueAsync(DeliveryTesting.TextTo(channel, "reminder:1:24h"))).ShouldBeTrue();
        (await app.EnqueueAsync(DeliveryTesting.TextTo(channel, "reminder:1:24h"))).ShouldBeFalse();
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.AcceptedTexts().ShouldBe(new Dictionary<string, int> { ["reminder:1:24h"] = 1 });
        (await app.OutboxAsync()).ShouldHaveSingleItem().State.ShouldBe(OutboxState.Sent);
    }

    /// <summary>
    /// Ten sends due at one instant: all but the first ones wait for their slots in the tenant's pace, which a fake clock
    /// reaches only when moved. Idle delivery means they went too (a close-the-loop card was once found still sending).
    /// </summary>
    [Fact]
    public async Task Delivery_is_idle_only_once_sends_waiting_for_their_slot_in_the_pace_went_too()
    {
        await using var app = await BotApplication.StartAsync();
        var channels = await app.AddChannelsAsync(10);

        await app.EnqueueAllAsync(channels.Select((c, i) => DeliveryTesting.TextTo(c, $"burst:{i}")));
        await app.DeliveryIdleAsync();

        (await app.OutboxAsync()).ShouldAllBe(m => m.State == OutboxState.Sent);
        app.AcceptedTexts().Count.ShouldBe(10);
    }

    [Fact]
    public async Task A_delivered_message_reports_its_activity_and_a_replacement_updates_it_in_place()
    {
        await using var app = await BotApplication.StartAsync();
        var channel = (await app.AddChannelsAsync(1))[0];
        await app.EnqueueAsync(new OutgoingMessage
        {
            DedupeKey = "checkin:7", TenantId = DeliveryTesting.Tenant, ConversationRowId = channel.Id,
            Card = new AdaptiveCard { Body = [new TextBlock { Text = "How is it going?" }] }, Text = "Check-in",
        });
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);
        var delivered = await app.QueryAsync(db => new Outbox(db, app.Clock, app.Services.GetRequiredService<OutboxCommitWaker>(), NullLogger<Outbox>.Instance).FindDeliveredAsync("checkin:7", CancellationToken.None));
        delivered.ShouldNotBeNull();
        delivered.ConversationId.ShouldBe(channel.ConversationId);

        await app.EnqueueAsync(DeliveryTesting.TextTo(channel, "checkin:7:closed") with { ReplacesDedupeKey = "checkin:7" });
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        var update = app.Connector.SentActivities.Where(r => r.Operation == FakeConnectorOperation.UpdateActivity).ShouldHaveSingleItem();
        update.ActivityId.ShouldBe(delivered.ActivityId);
        app.Connector.ActivitiesIn(channel.ConversationId).ShouldHaveSingleItem().Value.Text.ShouldBe("checkin:7:closed");
    }

    [Fact]
    public async Task Of_several_queued_updates_of_one_card_only_the_newest_is_sent_so_an_older_one_cannot_win()
    {
        await using var app = await BotApplication.StartAsync();
        var channel = (await app.AddChannelsAsync(1))[0];
        await app.EnqueueAsync(DeliveryTesting.TextTo(channel, "summary:v1"));
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            foreach (var version in new[] { "summary:v2", "summary:v3", "summary:v4" })
            {
                await outbox.EnqueueAsync(DeliveryTesting.TextTo(channel, version) with { ReplacesDedupeKey = "summary:v1" }, TestContext.Current.CancellationToken);
            }
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.Connector.SentActivities.Where(r => r.Operation == FakeConnectorOperation.UpdateActivity)
            .ShouldHaveSingleItem().Activity!.Text.ShouldBe("summary:v4");
        app.Connector.ActivitiesIn(channel.ConversationId).ShouldHaveSingleItem().Value.Text.ShouldBe("summary:v4");
        (await app.OutboxAsync()).ShouldAllBe(m => m.State == OutboxState.Sent);
    }

    [Fact]
    public async Task A_person_without_a_chat_gets_a_new_one_on_one_that_is_stored_and_reused()
    {
        await using var app = await BotApplication.StartAsync();
        await app.AddChannelsAsync(1);
        var person = await app.AddPersonAsync("29:anna");

        await app.EnqueueAsync(new OutgoingMessage { DedupeKey = "digest:1", TenantId = DeliveryTesting.Tenant, PersonId = person.Id, Text = "digest:1" });
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);
        await app.EnqueueAsync(new OutgoingMessage { DedupeKey = "digest:2", TenantId = DeliveryTesting.Tenant, PersonId = person.Id, Text = "digest:2" });
        await app.AdvanceUntilAsync(app.AllSettledAsync, Step, Within);

        app.Connector.Requests.Count(r => r.Operation == FakeConnectorOperation.CreateConversation).ShouldBe(1);
        var chat = await app.QueryAsync(db => db.Conversations.SingleAsync(c => c.PersonId == person.Id));
        chat.ConversationId.ShouldBe("a:1on1-29:anna");
        app.Connector.ActivitiesIn(chat.ConversationId).Values.Select(a => a.Text).Order().ShouldBe(["digest:1", "digest:2"]);
    }

    [Fact]
    public async Task A_message_enqueued_in_a_transaction_is_sent_after_commit_and_never_after_rollback()
    {
        await using var app = await BotApplication.StartAsync();
        var channel = (await app.AddChannelsAsync(1))[0];
        await app.QueryAsync(async db =>
        {
            var outbox = new Outbox(db, app.Clock, app.Services.GetRequiredService<OutboxCommitWaker>(), NullLogger<Outbox>.Instance);
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                await outbox.EnqueueAsync(DeliveryTesting.TextTo(channel, "rolled-back"), CancellationToken.None);
                await rolledBack.RollbackAsync();
            }
            await using var committed = await db.Database.BeginTransactionAsync();
            await outbox.EnqueueAsync(DeliveryTesting.TextTo(channel, "committed"), CancellationToken.None);
            await committed.CommitAsync();
            return 0;
        });

        await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(30));
        app.AcceptedTexts().Keys.ShouldBe(["committed"]);
        (await app.OutboxAsync()).ShouldHaveSingleItem().DedupeKey.ShouldBe("committed");
    }
}
