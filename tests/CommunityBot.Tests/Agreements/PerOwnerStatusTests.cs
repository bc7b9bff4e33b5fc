using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// Every owner answers for themselves: their own state on their own card, the group's count in the channel, reminders
/// only for those still to do it, and never a member reminder for a leader or a coach-the-coach.
/// </summary>
public sealed class PerOwnerStatusTests
{
    /// <summary>Monday 16 March 2026, 16:00 in Brussels: the 7-day reminder for the session of Monday 23 March.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Friday 20 March 2026, 16:00 in Brussels: the 2-day reminder (Saturday moves to Friday).</summary>
    private static readonly DateTimeOffset TwoDaysBefore = new(2026, 3, 20, 15, 0, 0, TimeSpan.Zero);

    private const string Text = "Lesvoorbereiding H3 afwerken";

    private static readonly ChannelAccount Leader = Account("leader", "Lotte Leider");
    private static readonly ChannelAccount CoachTheCoach = Account("ctc", "Chris Ctc");
    private static readonly ChannelAccount[] SixMore = [.. Enumerable.Range(1, 6).Select(i => Account($"teacher{i}", $"Leraar {i}"))];

    private static ChannelAccount Account(string key, string name) => new() { Id = $"29:{key}", Name = name, AadObjectId = $"aad-{key}" };

    private static string Locale(Language language) => language == Language.English ? "en-US" : "nl-BE";

    private static async Task<(BotApplication App, AgreementWorld World)> WorldAsync(Language language)
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(async db =>
        {
            var created = app.Clock.GetUtcNow();
            var roles = new List<(ChannelAccount Account, CommunityRole Role)> { (Leader, CommunityRole.Leader), (CoachTheCoach, CommunityRole.CoachTheCoach) };
            roles.AddRange(SixMore.Select(a => (a, CommunityRole.Member)));
            foreach (var (account, role) in roles)
            {
                var person = new Person { TenantId = TeamsActivities.TenantId, TeamsUserId = account.Id, AadObjectId = account.AadObjectId, DisplayName = account.Name, FirstSeenAt = created };
                db.People.Add(person);
                await db.SaveChangesAsync();
                db.Memberships.Add(new Membership { CommunityId = world.CommunityId, PersonId = person.Id, Role = role, JoinedAt = created });
                world.PersonIds[account.Id] = person.Id;
            }
            await db.SaveChangesAsync();
            // Chosen, so the coach's Dutch recording turn does not switch it back.
            await db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true));
            return await db.Communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.Language, language));
        });
        return (app, world);
    }

    private static Activity Press(BotApplication app, long id, string answer, ChannelAccount by, Language language, string card, string view = AgreementCardViews.Reminder) =>
        app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, answer, view), card, by, Locale(language));

    private static async Task<List<OutboxMessage>> ChannelAsync(AgreementWorld world) =>
        [.. (await world.OutboxAsync()).Where(m => m.ConversationRowId == world.ChannelRowId)];

    private static string Shown(OutboxMessage message) => message.Text ?? Readable(message.Card!.Value.GetRawText());

    private static async Task<List<OutboxMessage>> RemindersAsync(AgreementWorld world) =>
        [.. (await world.OutboxAsync()).Where(m => m.Purpose == "reminder")];

    [Theory]
    [InlineData(Language.Dutch, "Jouw stand van zaken: ✓ Klaar", "Jouw stand van zaken: Hulp gevraagd", "De groep: 1 van 2 klaar", "1 van 2 klaar", "Hulp gevraagd")]
    [InlineData(Language.English, "Your status: ✓ Done", "Your status: Help asked", "The group: 1 of 2 done", "1 of 2 done", "Help asked")]
    public async Task Two_owners_answer_differently_each_sees_their_own_state_the_channel_the_count_and_only_the_one_not_done_is_reminded(
        Language language, string doneState, string helpState, string groupCount, string channelCount, string helpStatus)
    {
        var (app, world) = await WorldAsync(language);
        await using var _ = app;
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)},{world.Id(Adele)}", $"{world.Id(Tom)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        (await RemindersAsync(world)).Select(r => r.PersonId).ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);

        var megans = CardJson(await app.InvokeAsync(Press(app, id, AgreementAnswers.Done, Megan, language, "card-1")));
        var help = new Dictionary<string, object?>
        {
            ["agreementId"] = id,
            ["answer"] = AgreementAnswers.NeedHelp,
            ["view"] = AgreementCardViews.Reminder,
            [ReminderCard.CommentInputId(id)] = "Welk hoofdstuk?",
        };
        var adeles = CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, help, "card-2", Adele, Locale(language))));

        megans.ShouldContain(doneState);
        megans.ShouldContain(groupCount);
        megans.ShouldNotContain(AgreementVerbs.Answer);
        adeles.ShouldContain(helpState);
        adeles.ShouldContain(groupCount);
        adeles.ShouldNotContain("Welk hoofdstuk?");
        adeles.ShouldContain(AgreementVerbs.Answer, customMessage: "Adele still has it to do, so she keeps the buttons");
        var refreshedForMegan = CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Refresh, new RefreshData(id), "card-1", Megan, Locale(language))));
        refreshedForMegan.ShouldContain(doneState);
        refreshedForMegan.ShouldNotContain(helpStatus);
        var stored = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).SingleAsync());
        stored.Status.ShouldBe(AgreementStatus.NeedHelp);
        stored.Owners.Single(o => o.PersonId == world.Id(Megan)).Status.ShouldBe(AgreementStatus.Done);
        stored.Owners.Single(o => o.PersonId == world.Id(Adele)).Status.ShouldBe(AgreementStatus.NeedHelp);

        var channel = await ChannelAsync(world);
        Shown(channel[^1]).ShouldContain(channelCount);
        channel.ShouldAllBe(m => !Shown(m).Contains(helpStatus) && !Shown(m).Contains("Welk hoofdstuk?"));
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "agreement-ready", "Tom hears only when both are done");

        await world.AtAsync<ReminderSweep>(TwoDaysBefore);
        (await RemindersAsync(world)).Where(r => r.DedupeKey.Contains(":2:s")).Select(r => r.PersonId).ShouldBe([world.Id(Adele)]);

        await app.PostAsync(app.Teams.Message(language == Language.English ? "my agreements" : "mijn afspraken", Adele, Locale(language)));
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(r => r.ConversationId == TeamsActivities.PersonalChatOf(Adele) && r.Activity?.Attachments is not null), TimeSpan.FromSeconds(10));
        var mine = Readable(app.Connector.SentActivities.Last(r => r.ConversationId == TeamsActivities.PersonalChatOf(Adele) && r.Activity?.Attachments is not null).Activity!.Attachments!.Single().Content!.Value.GetRawText());
        mine.ShouldContain(Text);
        mine.ShouldContain(helpState);
        mine.ShouldContain(groupCount);
    }

    [Theory]
    [InlineData(Language.Dutch, "1 van 9 klaar", "✓ Klaar")]
    [InlineData(Language.English, "1 of 9 done", "✓ Done")]
    public async Task A_whole_group_agreement_of_nine_members_counts_each_answer_and_is_done_when_all_nine_are(Language language, string oneOfNine, string done)
    {
        var (app, world) = await WorldAsync(language);
        await using var _ = app;
        await world.RecordViaCardAsync("Review", "Artikel Hattie lezen", "all");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        ChannelAccount[] members = [Megan, Adele, Tom, .. SixMore];
        var owners = await app.QueryAsync(db => db.Set<AgreementOwner>().Select(o => o.PersonId).ToListAsync());
        owners.ShouldBe([.. members.Select(world.Id)], ignoreOrder: true);
        (await app.QueryAsync(db => db.ReminderPlans.Where(p => p.State == ReminderState.Planned).Select(p => p.PersonId).Distinct().CountAsync())).ShouldBe(9);

        await app.InvokeAsync(Press(app, id, AgreementAnswers.Done, Megan, language, "card-0"));
        Shown((await ChannelAsync(world))[^1]).ShouldContain(oneOfNine);
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldBe(AgreementStatus.Open);

        for (var i = 1; i < members.Length; i++)
        {
            await app.InvokeAsync(Press(app, id, AgreementAnswers.Done, members[i], language, $"card-{i}"));
        }

        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldBe(AgreementStatus.Done);
        var summary = Shown((await ChannelAsync(world))[^1]);
        summary.ShouldContain(done);
        summary.ShouldNotContain(language == Language.English ? " of 9 done" : " van 9 klaar");
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync(p => p.State == ReminderState.Planned))).ShouldBe(0);
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        (await RemindersAsync(world)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_leader_and_a_coach_the_coach_in_the_team_are_no_whole_group_owners_and_get_no_reminders_even_when_named()
    {
        var (app, world) = await WorldAsync(Language.Dutch);
        await using var _ = app;

        await world.RecordViaCardAsync("Review", "Artikel Hattie lezen", "all");
        await world.RecordViaCardAsync("Provide", "Visietekst delen", $"{world.Id(Leader)},{world.Id(CoachTheCoach)},{world.Id(Megan)}");

        var wholeGroup = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).SingleAsync(a => a.WholeGroup));
        wholeGroup.Owners.Select(o => o.PersonId).ShouldNotContain(world.Id(Leader));
        wholeGroup.Owners.Select(o => o.PersonId).ShouldNotContain(world.Id(CoachTheCoach));
        wholeGroup.Owners.Select(o => o.PersonId).ShouldNotContain(world.Id(Coach));
        var planned = await app.QueryAsync(db => db.ReminderPlans.Select(p => p.PersonId).Distinct().ToListAsync());
        planned.ShouldNotContain(world.Id(Leader));
        planned.ShouldNotContain(world.Id(CoachTheCoach));
        planned.ShouldContain(world.Id(Megan));

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        var reminded = (await RemindersAsync(world)).Select(r => r.PersonId).ToList();
        reminded.ShouldNotContain(world.Id(Leader));
        reminded.ShouldNotContain(world.Id(CoachTheCoach));
        reminded.Count(p => p == world.Id(Megan)).ShouldBe(2, "Megan owns both agreements");
    }

    [Fact]
    public async Task A_member_who_became_a_leader_or_left_after_planning_gets_no_reminder()
    {
        var (app, world) = await WorldAsync(Language.Dutch);
        await using var _ = app;
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)},{world.Id(Adele)},{world.Id(Tom)}");
        await app.QueryAsync(async db =>
        {
            await db.Memberships.Where(m => m.PersonId == world.Id(Megan)).ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, CommunityRole.Leader));
            return await db.Memberships.Where(m => m.PersonId == world.Id(Tom)).ExecuteUpdateAsync(set => set.SetProperty(m => m.LeftAt, app.Clock.GetUtcNow()));
        });

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);

        (await RemindersAsync(world)).Select(r => r.PersonId).ShouldBe([world.Id(Adele)]);
        (await app.QueryAsync(db => db.ReminderPlans.Where(p => p.OffsetDays == 7 && p.PersonId != world.Id(Adele)).ToListAsync()))
            .ShouldAllBe(p => p.State == ReminderState.Cancelled);
    }

    [Theory]
    [InlineData(Language.Dutch, "'Lesvoorbereiding H3 afwerken' is klaar: je kan erop verder bouwen.")]
    [InlineData(Language.English, "'Lesvoorbereiding H3 afwerken' is done: you can build on it.")]
    public async Task Dependants_hear_it_is_ready_when_the_last_owner_is_done_not_at_the_first(Language language, string ready)
    {
        var (app, world) = await WorldAsync(language);
        await using var _ = app;
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)},{world.Id(Adele)}", $"{world.Id(Tom)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());

        await app.InvokeAsync(Press(app, id, AgreementAnswers.Done, Megan, language, "card-1"));
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "agreement-ready");
        await app.InvokeAsync(Press(app, id, AgreementAnswers.Done, Adele, language, "card-2"));
        await app.InvokeAsync(Press(app, id, AgreementAnswers.Done, Adele, language, "card-3"));

        var heard = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-ready");
        heard.PersonId.ShouldBe(world.Id(Tom));
        heard.Text.ShouldBe(ready);
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(2, "the same owner twice changes nothing");
    }
}
