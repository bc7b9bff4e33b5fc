using CommunityBot.Communities;
using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Digests;

/// <summary>
/// A tenant with four communities and every way to a digest:
/// <list type="bullet">
/// <item>Wiskunde (A): coach Alex, coach-the-coach Nestor, leader Lynne; members Megan (school 1) and Adele (school 2).</item>
/// <item>Nederlands (B): coach Diego, leader Lynne; member Johanna (school 1).</item>
/// <item>Frans (C): coach Alex; member Lee (school 3), and Isaiah (school 1) who left.</item>
/// <item>Geschiedenis (D): coach Xena, leaders Lotte (school 2) and Diego; member Grady (school 2).</item>
/// </list>
/// Lynne leads school 1, Lotte school 2; Olivia is in no community; Megan is a plain member.
/// </summary>
public sealed class DigestWorld
{
    public static readonly ChannelAccount Lynne = Account("lynne", "Lynne Robbins");
    public static readonly ChannelAccount Lotte = Account("lotte", "Lotte Leider");
    public static readonly ChannelAccount Alex = Account("alex", "Alex Wilber");
    public static readonly ChannelAccount Diego = Account("diego", "Diego Siciliani");
    public static readonly ChannelAccount Nestor = Account("nestor", "Nestor Wilke");
    public static readonly ChannelAccount Xena = Account("xena", "Xena Coach");
    public static readonly ChannelAccount Megan = Account("megan", "Megan Bowen");
    public static readonly ChannelAccount Adele = Account("adele", "Adele Vance");
    public static readonly ChannelAccount Johanna = Account("johanna", "Johanna Lorenz");
    public static readonly ChannelAccount Lee = Account("lee", "Lee Gu");
    public static readonly ChannelAccount Isaiah = Account("isaiah", "Isaiah Langer");
    public static readonly ChannelAccount Grady = Account("grady", "Grady Archie");
    public static readonly ChannelAccount Olivia = Account("olivia", "Olivia Outside");

    public const string Wiskunde = "Wiskunde eerste graad";
    public const string Nederlands = "Nederlands tweede graad";
    public const string Frans = "Frans derde graad";
    public const string Geschiedenis = "Geschiedenis tweede graad";

    private DigestWorld(BotApplication app) => App = app;

    public BotApplication App { get; }
    public Dictionary<string, long> Communities { get; } = [];
    public Dictionary<string, long> People { get; } = [];

    public long Id(ChannelAccount account) => People[account.Id];

    public static ChannelAccount Account(string key, string name) => new() { Id = $"29:{key}", Name = name, AadObjectId = $"aad-{key}" };

    public static async Task<DigestWorld> CreateAsync(BotApplication app, Language language = Language.Dutch)
    {
        var world = new DigestWorld(app);
        var now = app.Clock.GetUtcNow();
        // A channel of the tenant, so delivery knows where the tenant's 1:1 chats are opened.
        app.Connector.AddConversation(TeamsActivities.TeamId, TeamsActivities.TenantId);
        await app.QueryAsync(async db =>
        {
            var schools = Enumerable.Range(1, 3).Select(i => new School { TenantId = TeamsActivities.TenantId, Name = $"School {i}" }).ToList();
            db.Schools.AddRange(schools);
            db.Conversations.Add(new Conversation
            {
                TenantId = TeamsActivities.TenantId,
                ConversationId = TeamsActivities.TeamId,
                ServiceUrl = app.Connector.ServiceUrl,
                Kind = ConversationKind.Channel,
                TeamId = TeamsActivities.TeamId,
                ChannelId = TeamsActivities.TeamId,
                BotId = TeamsActivities.BotId,
                InstalledAt = now,
            });
            await db.SaveChangesAsync();
            Person P(ChannelAccount a, int? school = null) => new()
            {
                TenantId = TeamsActivities.TenantId,
                TeamsUserId = a.Id,
                AadObjectId = a.AadObjectId,
                DisplayName = a.Name,
                SchoolId = school is { } s ? schools[s - 1].Id : null,
                Language = language,
                LanguageChosen = true,
                FirstSeenAt = now,
            };
            var people = new[]
            {
                P(Lynne, 1), P(Lotte, 2), P(Alex), P(Diego), P(Nestor), P(Xena), P(Megan, 1), P(Adele, 2), P(Johanna, 1), P(Lee, 3),
                P(Isaiah, 1), P(Grady, 2), P(Olivia, 1),
            }.ToDictionary(p => p.TeamsUserId!);
            db.People.AddRange(people.Values);
            var communities = new[] { Wiskunde, Nederlands, Frans, Geschiedenis }
                .ToDictionary(n => n, n => new Community { TenantId = TeamsActivities.TenantId, Name = n, Language = language, CreatedAt = now });
            db.Communities.AddRange(communities.Values);
            void Join(string community, ChannelAccount who, CommunityRole role, bool left = false) => db.Memberships.Add(new Membership
            {
                Community = communities[community], Person = people[who.Id], Role = role, JoinedAt = now, LeftAt = left ? now : null,
            });
            Join(Wiskunde, Alex, CommunityRole.Coach);
            Join(Wiskunde, Nestor, CommunityRole.CoachTheCoach);
            Join(Wiskunde, Lynne, CommunityRole.Leader);
            Join(Wiskunde, Megan, CommunityRole.Member);
            Join(Wiskunde, Adele, CommunityRole.Member);
            Join(Nederlands, Diego, CommunityRole.Coach);
            Join(Nederlands, Lynne, CommunityRole.Leader);
            Join(Nederlands, Johanna, CommunityRole.Member);
            Join(Frans, Alex, CommunityRole.Coach);
            Join(Frans, Lee, CommunityRole.Member);
            Join(Frans, Isaiah, CommunityRole.Member, left: true);
            Join(Geschiedenis, Xena, CommunityRole.Coach);
            Join(Geschiedenis, Lotte, CommunityRole.Leader);
            Join(Geschiedenis, Diego, CommunityRole.Leader);
            Join(Geschiedenis, Grady, CommunityRole.Member);
            await db.SaveChangesAsync();
            foreach (var (name, community) in communities)
            {
                world.Communities[name] = community.Id;
            }
            foreach (var (key, person) in people)
            {
                world.People[key] = person.Id;
            }
            return 0;
        });
        return world;
    }

    public long C(string name) => Communities[name];

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public Task<IReadOnlyList<DigestRecipient>> RecipientsAsync() =>
        WithAsync(sp => sp.GetRequiredService<DigestRecipients>().ForTenantAsync(TeamsActivities.TenantId, CancellationToken.None));

    /// <summary>Moves the clock to <paramref name="moment"/> (never back) and runs the minute sweep, as Hangfire would.</summary>
    public async Task SweepAtAsync(DateTimeOffset moment)
    {
        if (moment > App.Clock.GetUtcNow())
        {
            App.Clock.SetUtcNow(moment);
        }
        await WithAsync(async sp =>
        {
            await sp.GetRequiredService<DigestSweep>().RunAsync(CancellationToken.None);
            return 0;
        });
    }

    public Task<List<OutboxMessage>> DigestsAsync() =>
        App.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Purpose == DigestSweep.Purpose).OrderBy(m => m.Id).ToListAsync());

    /// <summary>The text of a reply in someone's personal chat: the card's JSON or the message.</summary>
    public string LastReplyTo(ChannelAccount who)
    {
        var activity = App.Connector.SentActivities.Last(a => a.ConversationId == TeamsActivities.PersonalChatOf(who)).Activity!;
        return activity.Attachments is { Count: > 0 } attachments ? Agreements.AgreementWorld.Readable(attachments[0].Content!.Value.GetRawText()) : activity.Text!;
    }
}
