using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Delivery;

/// <summary>Seeding and driving the outbox in the in-process host.</summary>
internal static class DeliveryTesting
{
    public const string Tenant = FakeTeamsConnector.DefaultTenantId;

    public static async Task<List<Conversation>> AddChannelsAsync(this BotApplication app, int count, string prefix = "19:channel", string tenant = Tenant)
    {
        var conversations = Enumerable.Range(1, count).Select(i => new Conversation
        {
            TenantId = tenant,
            ConversationId = $"{prefix}-{i}@thread.tacv2",
            ServiceUrl = app.Connector.ServiceUrl,
            Kind = ConversationKind.Channel,
            InstalledAt = BotApplication.Start,
        }).ToList();
        await app.QueryAsync(async db =>
        {
            db.Conversations.AddRange(conversations);
            return await db.SaveChangesAsync();
        });
        conversations.ForEach(c => app.Connector.AddConversation(c.ConversationId, tenant));
        return conversations;
    }

    public static Task<Person> AddPersonAsync(this BotApplication app, string teamsUserId) =>
        app.QueryAsync(async db =>
        {
            var person = new Person { TenantId = Tenant, TeamsUserId = teamsUserId, FirstSeenAt = BotApplication.Start };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person;
        });

    public static async Task<bool> EnqueueAsync(this BotApplication app, OutgoingMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Outbox>().EnqueueAsync(message, CancellationToken.None);
    }

    /// <summary>Many messages in one transaction, as a sweep enqueues them.</summary>
    public static async Task EnqueueAllAsync(this BotApplication app, IEnumerable<OutgoingMessage> messages)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var message in messages)
        {
            await outbox.EnqueueAsync(message, CancellationToken.None);
        }
        await transaction.CommitAsync();
    }

    public static OutgoingMessage TextTo(Conversation conversation, string key, DeliveryPriority priority = DeliveryPriority.Normal) =>
        new() { DedupeKey = key, TenantId = conversation.TenantId, ConversationRowId = conversation.Id, Text = key, Purpose = "test", Priority = priority };

    public static Task<List<OutboxMessage>> OutboxAsync(this BotApplication app) =>
        app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public static async Task<bool> AllSettledAsync(this BotApplication app) =>
        (await app.OutboxAsync()).All(m => m.State is OutboxState.Sent or OutboxState.Failed or OutboxState.Unreachable);

    /// <summary>Sends of each text the fake accepted: an exactly-once check is "every count is 1".</summary>
    public static Dictionary<string, int> AcceptedTexts(this BotApplication app) =>
        app.Connector.SentActivities.Where(r => r.Activity?.Text is not null)
            .GroupBy(r => r.Activity!.Text!).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Moves the fake clock on in steps until <paramref name="done"/> holds; before each step it waits until the
    /// dispatcher is idle (nothing more can happen without the clock; sends waiting for their slot wait for the steps).
    /// Fails after <paramref name="within"/> of fake time.
    /// </summary>
    public static async Task AdvanceUntilAsync(this BotApplication app, Func<Task<bool>> done, TimeSpan step, TimeSpan within)
    {
        var deadline = app.Clock.GetUtcNow() + within;
        while (true)
        {
            await app.DeliveryIdleAsync(takeSlots: false);
            if (await done())
            {
                return;
            }
            if (app.Clock.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Not done within {within} of fake time.");
            }
            app.Clock.Advance(step);
        }
    }

    public static Task AdvanceUntilAsync(this BotApplication app, Func<bool> done, TimeSpan step, TimeSpan within) =>
        app.AdvanceUntilAsync(() => Task.FromResult(done()), step, within);
}

/// <summary>Records what the dispatcher tells a listener.</summary>
internal sealed class RecordingUnreachableListener : IUnreachableRecipientListener
{
    private readonly List<UnreachableRecipient> told = [];

    public IReadOnlyList<UnreachableRecipient> Told
    {
        get { lock (told) { return [.. told]; } }
    }

    public Task OnUnreachableAsync(UnreachableRecipient recipient, CancellationToken ct)
    {
        lock (told) { told.Add(recipient); }
        return Task.CompletedTask;
    }
}
