using System.Text.Json;
using CommunityBot.Communities;
using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.People;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// A community in the test host: coach Lien, teachers Megan, Adele and Tom, a leader, a channel, a held session
/// (Thursday 26 February 2026) and the next one (Monday 23 March 2026, 16:00 in Brussels).
/// </summary>
public sealed class AgreementWorld
{
    public static readonly ChannelAccount Coach = Account("coach", "Lien Coach");
    public static readonly ChannelAccount Megan = Account("megan", "Megan Bowen");
    public static readonly ChannelAccount Adele = Account("adele", "Adele Vance");
    public static readonly ChannelAccount Tom = Account("tom", "Tom Claes");
    public static readonly ChannelAccount Outsider = Account("outsider", "Olivia Outside");

    public static readonly DateTimeOffset HeldSessionStart = new(2026, 2, 26, 15, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset NextSessionStart = new(2026, 3, 23, 15, 0, 0, TimeSpan.Zero);

    private AgreementWorld(BotApplication app) => App = app;

    public BotApplication App { get; }
    public long CommunityId { get; private set; }
    public long ChannelRowId { get; private set; }
    public long HeldSessionId { get; private set; }
    public long NextSessionId { get; private set; }
    public Dictionary<string, long> PersonIds { get; } = [];

    public long Id(ChannelAccount account) => PersonIds[account.Id];

    /// <summary>The world with its held and next session on other dates when a test needs them (e.g. around a holiday).</summary>
    public static async Task<AgreementWorld> CreateAsync(BotApplication app, DateTimeOffset? heldStart = null, DateTimeOffset? nextStart = null)
    {
        var world = new AgreementWorld(app);
        var created = app.Clock.GetUtcNow();
        // The app is installed in the team: Teams knows its channel.
        app.Connector.AddConversation(TeamsActivities.TeamId, TeamsActivities.TenantId);
        await app.QueryAsync(async db =>
        {
            var people = new[] { Coach, Megan, Adele, Tom, Outsider }.Select(a => new Person
            {
                TenantId = TeamsActivities.TenantId,
                TeamsUserId = a.Id,
                AadObjectId = a.AadObjectId,
                DisplayName = a.Name,
                FirstSeenAt = created,
            }).ToList();
            db.People.AddRange(people);
            var channel = new Conversation
            {
                TenantId = TeamsActivities.TenantId,
                ConversationId = TeamsActivities.TeamId,
                ServiceUrl = app.Connector.ServiceUrl,
                Kind = ConversationKind.Channel,
                TeamId = TeamsActivities.TeamId,
                ChannelId = TeamsActivities.TeamId,
                BotId = TeamsActivities.BotId,
                InstalledAt = created,
            };
            db.Conversations.Add(channel);
            await db.SaveChangesAsync();
            var community = new Community
            {
                TenantId = TeamsActivities.TenantId,
                Name = "Wiskunde eerste graad",
                TeamId = TeamsActivities.TeamId,
                ChannelConversationId = channel.Id,
                CreatedAt = created,
            };
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            var roles = new[] { CommunityRole.Coach, CommunityRole.Member, CommunityRole.Member, CommunityRole.Member };
            db.Memberships.AddRange(people.Take(4).Select((p, i) => new Membership { CommunityId = community.Id, PersonId = p.Id, Role = roles[i], JoinedAt = created }));
            var held = new Session { CommunityId = community.Id, StartsAt = heldStart ?? HeldSessionStart, Status = SessionStatus.Held, Location = "Lokaal 12", CreatedAt = created };
            var next = new Session { CommunityId = community.Id, StartsAt = nextStart ?? NextSessionStart, Location = "Lokaal 12", CreatedAt = created };
            db.Sessions.AddRange(held, next);
            await db.SaveChangesAsync();
            world.CommunityId = community.Id;
            world.ChannelRowId = channel.Id;
            world.HeldSessionId = held.Id;
            world.NextSessionId = next.Id;
            foreach (var person in people)
            {
                world.PersonIds[person.TeamsUserId!] = person.Id;
            }
            return 0;
        });
        // The sessions were written directly, so the plans the session cards would have made are made here.
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionPlans>().RefreshAsync(world.CommunityId, CancellationToken.None);
        return world;
    }

    public async Task RunAsync<TJob>() where TJob : class, IRecurringJob
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>Moves the fake clock to a moment and runs the job, as the minutely Hangfire schedule would.</summary>
    public async Task AtAsync<TJob>(DateTimeOffset moment) where TJob : class, IRecurringJob
    {
        App.Clock.SetUtcNow(moment);
        await RunAsync<TJob>();
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        App.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>Records through the card, as the coach's "Add agreement" press.</summary>
    public Task<InvokeResponse> RecordViaCardAsync(string kind, string text, string owners, string dependants = "", ChannelAccount? by = null) =>
        App.InvokeAsync(RecordPress(kind, text, owners, dependants, by));

    /// <summary>The invoke Teams sends for "Add agreement" (post it twice to play a redelivery).</summary>
    public Activity RecordPress(string kind, string text, string owners, string dependants = "", ChannelAccount? by = null)
    {
        var data = new Dictionary<string, object?>
        {
            ["communityId"] = CommunityId,
            ["sessionId"] = HeldSessionId,
            ["kind"] = kind,
            ["text"] = text,
            ["owners"] = owners,
            ["dependants"] = dependants,
            ["due"] = NextSessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return App.Teams.Execute("agreement.record", data, "card-1", by ?? Coach);
    }

    public static string CardJson(InvokeResponse response)
    {
        response.Type.ShouldBe(InvokeResponse.CardType);
        return Readable(response.Value!.Value.GetRawText());
    }

    /// <summary>The JSON with non-ASCII characters unescaped, so assertions can use the texts people see.</summary>
    public static string Readable(string? json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json ?? "null").RootElement,
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string MessageText(InvokeResponse response)
    {
        response.Type.ShouldBe(InvokeResponse.MessageType);
        return response.Value!.Value.GetString()!;
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>The card of the reply the bot sent last (e.g. to a command).</summary>
    public string LastReplyCard() =>
        Readable(App.Connector.SentActivities[^1].Activity!.Attachments!.Single().Content!.Value.GetRawText());

    /// <summary>The last text the bot sent: a card sent through the outbox (a welcome, a summary) may arrive after the reply under load.</summary>
    public string LastReplyText() => App.Connector.SentActivities.Last(a => a.Activity?.Text is not null).Activity!.Text!;

    /// <summary>
    /// The texts the bot wrote in someone's personal chat, once there are <paramref name="count"/>; the outbox may deliver
    /// channel messages (the summary) in between, so the order of all sent activities is not the order of the replies.
    /// </summary>
    public async Task<List<string>> PersonalRepliesAsync(ChannelAccount to, int count)
    {
        var chat = TeamsActivities.PersonalChatOf(to);
        List<string> Texts() => [.. App.Connector.SentActivities.Where(a => a.ConversationId == chat && a.Activity?.Text is not null).Select(a => a.Activity!.Text!)];
        await App.Connector.WaitUntilAsync(() => Texts().Count >= count, TimeSpan.FromSeconds(10));
        return Texts();
    }

    private static ChannelAccount Account(string key, string name) => new() { Id = $"29:{key}", Name = name, AadObjectId = $"aad-{key}" };
}
