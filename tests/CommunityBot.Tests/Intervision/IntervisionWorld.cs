using CommunityBot.Communities;
using CommunityBot.Intervision;
using CommunityBot.Jobs;
using CommunityBot.People;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.Delivery;

namespace CommunityBot.Tests.Intervision;

/// <summary>
/// Two communities (coach Alex of "Wiskunde", coach Diego of "Nederlands") and their coach-the-coach Nestor, who leads
/// the intervision group of both coaches; Megan is a teacher of Wiskunde and no participant. The calendars are a
/// <see cref="FakeCalendar"/>; the clock starts on Monday 2 March 2026, 10:00 in Brussels.
/// </summary>
public sealed class IntervisionWorld
{
    public static readonly ChannelAccount Nestor = Account("nestor", "Nestor Wilke");
    public static readonly ChannelAccount Alex = Account("alex", "Alex Wilber");
    public static readonly ChannelAccount Diego = Account("diego", "Diego Siciliani");
    public static readonly ChannelAccount Megan = Account("megan", "Megan Bowen");

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The fake Teams paces sends as Teams does: the fake clock moves in small steps until they have gone.</summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(1);

    /// <summary>Everything due is delivered (the clock moved as little as needed).</summary>
    public Task SettleAsync() => App.AdvanceUntilAsync(App.AllSettledAsync, Step, Within);

    /// <summary>Waits, moving the fake clock in small steps, until <paramref name="done"/>.</summary>
    public Task UntilAsync(Func<bool> done) => App.AdvanceUntilAsync(done, Step, Within);

    private IntervisionWorld(BotApplication app, FakeCalendar calendar)
    {
        App = app;
        Calendar = calendar;
    }

    public BotApplication App { get; }
    public FakeCalendar Calendar { get; }
    public long GroupId { get; private set; }
    public Dictionary<string, long> PersonIds { get; } = [];
    public Dictionary<string, long> CommunityIds { get; } = [];

    public long Id(ChannelAccount account) => PersonIds[account.Id];

    public static async Task<IntervisionWorld> StartAsync(Action<IDictionary<string, string?>>? configure = null, DateTimeOffset? start = null)
    {
        var calendar = new FakeCalendar();
        var app = await BotApplication.StartAsync(configure, services => services.Replace(ServiceDescriptor.Singleton<IIntervisionCalendar>(calendar)), start);
        var world = new IntervisionWorld(app, calendar);
        var now = app.Clock.GetUtcNow();
        // The app is installed in a team of the tenant, so the bot knows where to open personal chats.
        app.Connector.AddConversation(TeamsActivities.TeamId, TeamsActivities.TenantId);
        await app.QueryAsync(async db =>
        {
            db.Conversations.Add(new CommunityBot.Conversations.Conversation
            {
                TenantId = TeamsActivities.TenantId,
                ConversationId = TeamsActivities.TeamId,
                ServiceUrl = app.Connector.ServiceUrl,
                Kind = CommunityBot.Conversations.ConversationKind.Channel,
                TeamId = TeamsActivities.TeamId,
                ChannelId = TeamsActivities.TeamId,
                BotId = TeamsActivities.BotId,
                InstalledAt = now,
            });
            var people = new[] { Nestor, Alex, Diego, Megan }.Select(a => new Person
            {
                TenantId = TeamsActivities.TenantId,
                TeamsUserId = a.Id,
                AadObjectId = a.AadObjectId,
                DisplayName = a.Name,
                Email = EmailOf(a),
                FirstSeenAt = now,
            }).ToDictionary(p => p.TeamsUserId!);
            db.People.AddRange(people.Values);
            var wiskunde = new Community { TenantId = TeamsActivities.TenantId, Name = "Wiskunde eerste graad", CreatedAt = now };
            var nederlands = new Community { TenantId = TeamsActivities.TenantId, Name = "Nederlands tweede graad", CreatedAt = now };
            db.Communities.AddRange(wiskunde, nederlands);
            db.Memberships.AddRange(
                new Membership { Community = wiskunde, Person = people[Alex.Id], Role = CommunityRole.Coach, JoinedAt = now },
                new Membership { Community = wiskunde, Person = people[Megan.Id], Role = CommunityRole.Member, JoinedAt = now },
                new Membership { Community = wiskunde, Person = people[Nestor.Id], Role = CommunityRole.CoachTheCoach, JoinedAt = now },
                new Membership { Community = nederlands, Person = people[Diego.Id], Role = CommunityRole.Coach, JoinedAt = now },
                new Membership { Community = nederlands, Person = people[Nestor.Id], Role = CommunityRole.CoachTheCoach, JoinedAt = now });
            await db.SaveChangesAsync();
            var group = new IntervisionGroup
            {
                TenantId = TeamsActivities.TenantId,
                Name = "Intervisie Sint-Jozef",
                CoachTheCoachId = people[Nestor.Id].Id,
                CreatedAt = now,
                NextProposalAt = now.AddDays(42),
            };
            group.Members.AddRange([new IntervisionGroupMember { PersonId = people[Alex.Id].Id }, new IntervisionGroupMember { PersonId = people[Diego.Id].Id }]);
            db.Set<IntervisionGroup>().Add(group);
            await db.SaveChangesAsync();
            world.GroupId = group.Id;
            foreach (var person in people.Values)
            {
                world.PersonIds[person.TeamsUserId!] = person.Id;
            }
            world.CommunityIds["wiskunde"] = wiskunde.Id;
            world.CommunityIds["nederlands"] = nederlands.Id;
            return 0;
        });
        return world;
    }

    public static string CardJson(Teams.Cards.InvokeResponse response) => AgreementWorld.CardJson(response);

    public static string MessageText(Teams.Cards.InvokeResponse response) => AgreementWorld.MessageText(response);

    public static string Readable(string? json) => AgreementWorld.Readable(json);

    public static System.Text.Json.JsonElement Json(string json) => AgreementWorld.Json(json);

    public static string EmailOf(ChannelAccount account) => $"{account.Name!.Replace(' ', '.').ToLowerInvariant()}@school.test";

    public static string Locale(Localization.Language language) => language == Localization.Language.English ? "en-US" : "nl-BE";

    /// <summary>Nestor types the command in his personal chat; the answer is the text he gets back.</summary>
    public async Task<string> PlanAsync(Localization.Language language = Localization.Language.Dutch, ChannelAccount? by = null)
    {
        var who = by ?? Nestor;
        var before = Texts(who).Count;
        await App.PostAsync(App.Teams.Message(language == Localization.Language.English ? "plan intervision" : "intervisie plannen", who, Locale(language)));
        await App.AdvanceUntilAsync(() => Texts(who).Count > before, Step, Within);
        return Texts(who)[^1];
    }

    public List<string> Texts(ChannelAccount to) =>
        [.. App.Connector.SentActivities.Where(a => ChatsOf(to).Contains(a.ConversationId) && a.Activity?.Text is not null).Select(a => a.Activity!.Text!)];

    /// <summary>The chat the person wrote in, and the one the bot opens itself to write first.</summary>
    private static string?[] ChatsOf(ChannelAccount to) => [TeamsActivities.PersonalChatOf(to), $"a:1on1-{to.Id}"];

    /// <summary>The cards now in someone's personal chat (an update replaces the card it updates), oldest first.</summary>
    public List<string> CardsOf(ChannelAccount to) =>
        [.. ChatsOf(to).SelectMany(chat => App.Connector.ActivitiesIn(chat!).Values)
            .Where(a => a.Attachments is { Count: > 0 })
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .Select(a => Readable(a.Attachments![0].Content!.Value.GetRawText()))];

    /// <summary>Waits until someone's chat holds a card that contains <paramref name="text"/>, and returns it.</summary>
    public async Task<string> CardWithAsync(ChannelAccount to, string text)
    {
        await App.AdvanceUntilAsync(() => CardsOf(to).Any(c => c.Contains(text, StringComparison.Ordinal)), Step, Within);
        return CardsOf(to).Last(c => c.Contains(text, StringComparison.Ordinal));
    }

    public Task<IntervisionProposal> ProposalAsync() =>
        App.QueryAsync(db => db.Set<IntervisionProposal>().AsNoTracking().Include(p => p.Slots).SingleAsync(p => p.GroupId == GroupId));

    public async Task<List<long>> SlotIdsAsync() => [.. (await ProposalAsync()).Slots.OrderBy(s => s.StartsAt).Select(s => s.Id)];

    /// <summary>A participant's press of "Stemmen" with these slots ticked (the others unticked).</summary>
    public Task<Teams.Cards.InvokeResponse> VoteAsync(ChannelAccount who, long proposalId, IReadOnlyList<long> slotIds, IEnumerable<long> ticked, Localization.Language language = Localization.Language.Dutch)
    {
        var on = ticked.ToHashSet();
        var data = new Dictionary<string, object> { ["proposalId"] = proposalId };
        foreach (var id in slotIds)
        {
            data[VoteCard.InputId(id)] = on.Contains(id) ? VoteCard.On : VoteCard.Off;
        }
        return App.InvokeAsync(App.Teams.Execute(IntervisionVerbs.Vote, data, "vote-card", who, Locale(language)));
    }

    public Task<Teams.Cards.InvokeResponse> ConfirmAsync(long proposalId, long slotId, ChannelAccount? by = null) =>
        App.InvokeAsync(App.Teams.Execute(IntervisionVerbs.Confirm, new Dictionary<string, object> { ["proposalId"] = proposalId, ["slot"] = slotId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "confirm-card", by ?? Nestor));

    public async Task RunSweepAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IntervisionSweep>().RunAsync(CancellationToken.None);
    }

    private static ChannelAccount Account(string key, string name) => new() { Id = $"29:{key}", Name = name, AadObjectId = $"aad-{key}" };
}
