using System.Globalization;
using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Benchmarks;

/// <summary>The recipients, written before the clock starts, and the work itself, enqueued once it runs.</summary>
internal static class FanOutWork
{
    public const string Tenant = FakeTeamsConnector.DefaultTenantId;
    private const int SeedChunk = 2_000;

    /// <summary>
    /// A sweep that fans out (digests, check-in openings) enqueues in one transaction per batch of recipients; a batch
    /// of this size commits in well under a second, so the dispatcher is never starved and a SQLite writer never
    /// waits long for it.
    /// </summary>
    private const int EnqueueChunk = 500;

    /// <summary>The recipients' person ids; their 1:1 chats too when the profile has them (known to the fake as to Teams).</summary>
    public static async Task<IReadOnlyList<long>> SeedAsync(FanOutDatabase database, FakeTeamsConnector fake, FanOutSettings settings)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = TimeProvider.System.GetUtcNow();
        // One of the tenant's team channels: where the dispatcher learns the service URL to open 1:1 chats at.
        db.Conversations.Add(new Conversation
        {
            TenantId = Tenant, ConversationId = "19:fanout-general@thread.tacv2", ServiceUrl = fake.ServiceUrl, Kind = ConversationKind.Channel, InstalledAt = now,
        });
        await db.SaveChangesAsync();
        var ids = new List<long>(settings.Recipients);
        foreach (var chunk in Enumerable.Range(0, settings.Recipients).Chunk(SeedChunk))
        {
            var people = chunk.Select(i => new Person
            {
                TenantId = Tenant,
                TeamsUserId = $"29:fanout-{i}",
                AadObjectId = $"00000000-0000-0000-0000-{i.ToString("D12", CultureInfo.InvariantCulture)}",
                FirstSeenAt = now,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            ids.AddRange(people.Select(p => p.Id));
            if (settings.WithChats)
            {
                // The id the fake (like Teams) gives the 1:1 chat it opens for this user.
                var chats = people.Select(p => new Conversation
                {
                    TenantId = Tenant, ConversationId = $"a:1on1-{p.TeamsUserId}", ServiceUrl = fake.ServiceUrl, Kind = ConversationKind.Personal,
                    PersonId = p.Id, InstalledAt = now,
                }).ToList();
                db.Conversations.AddRange(chats);
                await db.SaveChangesAsync();
                chats.ForEach(c => fake.AddConversation(c.ConversationId, Tenant));
            }
            db.ChangeTracker.Clear();
        }
        return ids;
    }

    /// <summary>
    /// Each recipient's messages one after the other (the harder order for the per-conversation limits), through the
    /// real outbox; each message's text is its dedupe key, so the fake's record shows what arrived twice.
    /// </summary>
    public static async Task EnqueueAsync(FanOutDatabase database, FanOutSettings settings, IReadOnlyList<long> people, CancellationToken ct)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        var messages = people.SelectMany((person, i) => Enumerable.Range(0, settings.MessagesEach)
            .Select(k => new OutgoingMessage
            {
                DedupeKey = string.Create(CultureInfo.InvariantCulture, $"fanout:{i}:{k}"),
                TenantId = Tenant,
                PersonId = person,
                Text = string.Create(CultureInfo.InvariantCulture, $"fanout:{i}:{k}"),
                Purpose = "benchmark",
                // What a fan-out is: the same kind of message to many at once (digests, check-in openings).
                Priority = DeliveryPriority.Bulk,
            }));
        foreach (var chunk in messages.Chunk(EnqueueChunk))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var message in chunk)
            {
                await outbox.EnqueueAsync(message, ct);
            }
            await transaction.CommitAsync(ct);
        }
    }
}
