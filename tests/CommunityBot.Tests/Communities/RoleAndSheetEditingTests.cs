using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Communities.Participation;
using CommunityBot.Communities.Roles;
using CommunityBot.Communities.Sheet;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Communities;

/// <summary>Roles, the hand-over and phase, theme and goals, changed on cards reached from the sheet; every change kept as history.</summary>
public sealed class RoleAndSheetEditingTests
{
    /// <summary>Monday 16 March 2026, 16:00 in Brussels: the 7-day reminder for the session of 23 March.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

    private static string Locale(string language) => language == "en" ? "en-US" : "nl-BE";

    private static Task<InvokeResponse> PressAsync(AgreementWorld world, string verb, ChannelAccount by, string language, Dictionary<string, object?>? inputs = null)
    {
        var data = new Dictionary<string, object?> { ["communityId"] = world.CommunityId };
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value;
        }
        return world.App.InvokeAsync(world.App.Teams.Execute(verb, data, "card-1", by, Locale(language)));
    }

    private static Task<List<CommunityChange>> HistoryAsync(BotApplication app) =>
        app.QueryAsync(db => db.CommunityChanges.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    private static Task<CommunityRole> RoleOfAsync(AgreementWorld world, ChannelAccount person) =>
        world.App.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(person)).Select(m => m.Role).SingleAsync());

    [Theory]
    [InlineData("nl", "gemeenschap", "Rollen beheren", "Rollen in Wiskunde eerste graad", "Tom Claes is nu schoolleider.", "Schoolleider")]
    [InlineData("en", "community", "Manage roles", "Roles in Wiskunde eerste graad", "Tom Claes is now school leader.", "School leader")]
    public async Task A_coach_changes_a_role_on_the_card_reached_from_the_sheet_and_it_is_stored_with_its_history(
        string language, string command, string manageRoles, string rolesTitle, string notice, string leader)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await app.PostAsync(app.Teams.Message(command, Coach, Locale(language)));
        world.LastReplyCard().ShouldContain($"\"title\":\"{manageRoles}\"");
        var roles = CardJson(await PressAsync(world, CommunityVerbs.ShowRoles, Coach, language));
        roles.ShouldContain(rolesTitle);

        var card = CardJson(await PressAsync(world, CommunityVerbs.ChangeRole, Coach, language,
            new() { [RolesCard.PersonInput] = world.Id(Tom).ToString(), [RolesCard.RoleInput] = "Leader" }));

        card.ShouldContain(notice);
        card.ShouldContain($"{{\"title\":\"Tom Claes\",\"value\":\"{leader}\"}}");
        (await RoleOfAsync(world, Tom)).ShouldBe(CommunityRole.Leader);
        var change = (await HistoryAsync(app)).ShouldHaveSingleItem();
        change.ShouldSatisfyAllConditions(
            c => c.Kind.ShouldBe(CommunityChangeKind.Role),
            c => c.ByPersonId.ShouldBe(world.Id(Coach)),
            c => c.SubjectPersonId.ShouldBe(world.Id(Tom)),
            c => c.OldValue.ShouldBe("Member"),
            c => c.NewValue.ShouldBe("Leader"),
            c => c.At.ShouldBe(BotApplication.Start));
    }

    [Theory]
    [InlineData("nl", "gemeenschap", "Rollen beheren", "Alleen de procescoaches van deze gemeenschap en beheerders kunnen rollen en de fiche wijzigen. Er is niets veranderd.",
        "Alleen een procescoach van de gemeenschap kan de begeleiding overdragen.")]
    [InlineData("en", "community", "Manage roles", "Only the process coaches of this community and admins can change roles and the sheet. Nothing was changed.",
        "Only a process coach of the community can hand it over.")]
    public async Task A_member_sees_no_role_buttons_and_a_forged_press_is_refused_politely_and_changes_nothing(
        string language, string command, string manageRoles, string refusal, string notTheCoach)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await app.PostAsync(app.Teams.Message(command, Megan, Locale(language)));
        world.LastReplyCard().ShouldNotContain(manageRoles);

        MessageText(await PressAsync(world, CommunityVerbs.ShowRoles, Megan, language)).ShouldBe(refusal);
        MessageText(await PressAsync(world, CommunityVerbs.ChangeRole, Megan, language,
            new() { [RolesCard.PersonInput] = world.Id(Megan).ToString(), [RolesCard.RoleInput] = "Coach" })).ShouldBe(refusal);
        MessageText(await PressAsync(world, CommunityVerbs.SaveSheet, Megan, language,
            new() { [EditSheetCard.PhaseInput] = "StableOutput", [EditSheetCard.ThemeInput] = "Iets anders" })).ShouldBe(refusal);

        MessageText(await PressAsync(world, CommunityVerbs.HandOver, Megan, language,
            new() { [RolesCard.NewCoachInput] = world.Id(Megan).ToString(), [RolesCard.FormerCoachInput] = RolesCard.Leaves })).ShouldStartWith(notTheCoach);

        (await RoleOfAsync(world, Megan)).ShouldBe(CommunityRole.Member);
        (await app.QueryAsync(db => db.Communities.SingleAsync())).Phase.ShouldBe(CommunityPhase.TeachersMotivated);
        (await HistoryAsync(app)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coach_cannot_give_a_person_of_another_community_a_role_here()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var response = await PressAsync(world, CommunityVerbs.ChangeRole, Coach, "nl",
            new() { [RolesCard.PersonInput] = world.Id(Outsider).ToString(), [RolesCard.RoleInput] = "Coach" });

        MessageText(response).ShouldBe("Die persoon is geen lid (meer) van deze gemeenschap of kan die rol niet krijgen; er is niets veranderd.");
        (await app.QueryAsync(db => db.Memberships.CountAsync(m => m.PersonId == world.Id(Outsider)))).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_who_becomes_leader_no_longer_owns_whole_group_agreements_and_gets_no_reminders()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Review", "Het Hattie-artikel lezen", RecordCard.WholeGroupValue);
        await world.RecordViaCardAsync("Provide", "Toetsen H3 delen", $"{world.Id(Tom)}");

        await PressAsync(world, CommunityVerbs.ChangeRole, Coach, "nl",
            new() { [RolesCard.PersonInput] = world.Id(Tom).ToString(), [RolesCard.RoleInput] = "Leader" });

        var owners = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).OrderBy(a => a.Id).ToListAsync());
        owners[0].Owners.Select(o => o.PersonId).ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);
        owners[1].Owners.Single().PersonId.ShouldBe(world.Id(Tom)); // named on purpose: only whole-group homework is released
        (await app.QueryAsync(db => db.ReminderPlans.Where(r => r.AgreementId == owners[0].Id && r.PersonId == world.Id(Tom)).ToListAsync()))
            .ShouldAllBe(r => r.State != ReminderState.Planned);

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        var reminders = (await world.OutboxAsync()).Where(m => m.Purpose == "reminder").ToList();
        reminders.Where(r => r.DedupeKey.StartsWith($"reminder:{owners[0].Id}:")).Select(r => r.PersonId)
            .ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);
    }

    [Theory]
    [InlineData("nl", "Een gemeenschap houdt altijd minstens één procescoach. Maak eerst iemand anders procescoach; er is niets veranderd.")]
    [InlineData("en", "A community always keeps at least one process coach. Make someone else process coach first; nothing was changed.")]
    public async Task The_last_coach_cannot_be_given_another_role(string language, string refusal)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var response = await PressAsync(world, CommunityVerbs.ChangeRole, Coach, language,
            new() { [RolesCard.PersonInput] = world.Id(Coach).ToString(), [RolesCard.RoleInput] = "Member" });

        MessageText(response).ShouldBe(refusal);
        (await RoleOfAsync(world, Coach)).ShouldBe(CommunityRole.Coach);
        (await HistoryAsync(app)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("nl", "Overdragen aan een interne coach", "Ik blijf als coach van de coach", "Megan Bowen is nu procescoach van Wiskunde eerste graad. Jij bent coach van de coach.",
        "Lien Coach heeft de begeleiding van Wiskunde eerste graad aan jou overgedragen.")]
    [InlineData("en", "Hand over to an internal coach", "I stay as coach-the-coach", "Megan Bowen is now the process coach of Wiskunde eerste graad. You are coach-the-coach.",
        "Lien Coach has handed Wiskunde eerste graad over to you.")]
    public async Task A_coach_hands_over_to_a_teacher_of_the_group_and_stays_as_coach_the_coach(
        string language, string title, string stays, string notice, string message)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        if (language == "en")
        {
            await app.QueryAsync(db => db.People.Where(p => p.Id == world.Id(Megan)).ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, CommunityBot.Localization.Language.English)));
        }
        await world.RecordViaCardAsync("Review", "Het Hattie-artikel lezen", RecordCard.WholeGroupValue);

        var before = CardJson(await PressAsync(world, CommunityVerbs.ShowRoles, Coach, language));
        before.ShouldContain(title);
        before.ShouldContain(stays);

        var card = CardJson(await PressAsync(world, CommunityVerbs.HandOver, Coach, language,
            new() { [RolesCard.NewCoachInput] = world.Id(Megan).ToString(), [RolesCard.FormerCoachInput] = RolesCard.Stays }));

        card.ShouldContain(notice);
        (await RoleOfAsync(world, Megan)).ShouldBe(CommunityRole.Coach);
        (await RoleOfAsync(world, Coach)).ShouldBe(CommunityRole.CoachTheCoach);
        (await app.QueryAsync(db => db.Communities.SingleAsync())).Phase.ShouldBe(CommunityPhase.StableOutput);
        (await HistoryAsync(app)).Select(c => (c.Kind, c.OldValue, c.NewValue)).ShouldBe(
        [
            (CommunityChangeKind.Role, "Member", "Coach"),
            (CommunityChangeKind.Role, "Coach", "CoachTheCoach"),
            (CommunityChangeKind.Phase, "TeachersMotivated", "StableOutput"),
        ]);
        (await app.QueryAsync(db => db.Set<AgreementOwner>().AnyAsync(o => o.PersonId == world.Id(Megan)))).ShouldBeFalse();
        var toNewCoach = (await world.OutboxAsync()).Single(m => m.Purpose == "handover");
        toNewCoach.PersonId.ShouldBe(world.Id(Megan));
        toNewCoach.Text!.ShouldStartWith(message);
    }

    [Fact]
    public async Task An_admin_who_is_not_the_coach_cannot_hand_over_but_a_coach_who_hands_over_may_leave()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.People.Where(p => p.Id == world.Id(Outsider)).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsTenantAdmin, true)));

        MessageText(await PressAsync(world, CommunityVerbs.HandOver, Outsider, "nl",
            new() { [RolesCard.NewCoachInput] = world.Id(Megan).ToString(), [RolesCard.FormerCoachInput] = RolesCard.Stays }))
            .ShouldBe("Alleen een procescoach van de gemeenschap kan de begeleiding overdragen. Als beheerder kun je de rollen hierboven wijzigen. Er is niets veranderd.");

        var card = CardJson(await PressAsync(world, CommunityVerbs.HandOver, Coach, "nl",
            new() { [RolesCard.NewCoachInput] = world.Id(Adele).ToString(), [RolesCard.FormerCoachInput] = RolesCard.Leaves }));

        card.ShouldContain("Adele Vance is nu procescoach van Wiskunde eerste graad. Jij hebt de gemeenschap verlaten");
        card.ShouldNotContain(CommunityVerbs.ChangeRole);
        (await app.QueryAsync(db => db.Memberships.SingleAsync(m => m.PersonId == world.Id(Coach)))).LeftAt.ShouldBe(BotApplication.Start);
    }

    [Theory]
    [InlineData("nl", "Fiche bewerken", "Opgeslagen: fase, thema.", "4. Leren discussiëren en uitwerken in groep")]
    [InlineData("en", "Edit sheet", "Saved: phase, theme.", "4. Learning to discuss and work out together")]
    public async Task A_phase_and_theme_change_is_saved_and_kept_as_history_for_the_digest(string language, string edit, string saved, string phaseChoice)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.PostAsync(app.Teams.Message("gemeenschap", Coach, Locale(language)));
        world.LastReplyCard().ShouldContain($"\"title\":\"{edit}\"");
        CardJson(await PressAsync(world, CommunityVerbs.ShowEdit, Coach, language)).ShouldContain(phaseChoice);
        app.Clock.Advance(TimeSpan.FromDays(3));

        var card = CardJson(await PressAsync(world, CommunityVerbs.SaveSheet, Coach, language, new()
        {
            [EditSheetCard.PhaseInput] = "LearningTogether",
            [EditSheetCard.ThemeInput] = "Evalueren in de eerste graad",
            [EditSheetCard.GoalsInput] = "",
        }));

        card.ShouldContain(saved);
        var community = await app.QueryAsync(db => db.Communities.SingleAsync());
        community.Phase.ShouldBe(CommunityPhase.LearningTogether);
        community.Theme.ShouldBe("Evalueren in de eerste graad");
        var lastWeek = BotApplication.Start.AddDays(-4);
        var phaseChanges = await app.QueryAsync(db => CommunityHistory.SinceAsync(db, [world.CommunityId], lastWeek, CommunityChangeKind.Phase, default));
        phaseChanges.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            c => c.OldValue.ShouldBe("TeachersMotivated"),
            c => c.NewValue.ShouldBe("LearningTogether"),
            c => c.ByPersonId.ShouldBe(world.Id(Coach)),
            c => c.At.ShouldBe(BotApplication.Start.AddDays(3)));
        (await app.QueryAsync(db => CommunityHistory.SinceAsync(db, [world.CommunityId], BotApplication.Start.AddDays(4), null, default))).ShouldBeEmpty();
        (await HistoryAsync(app)).Select(c => c.Kind).ShouldBe([CommunityChangeKind.Phase, CommunityChangeKind.Theme]);
    }

    [Fact]
    public void The_role_sheet_editing_leave_and_coach_sheet_cards_are_valid_for_the_official_renderer_in_both_languages()
    {
        var community = new Community { Id = 7, TenantId = TeamsActivities.TenantId, Name = "Wiskunde eerste graad", Theme = "Evalueren", Phase = CommunityPhase.LearningTogether };
        CommunityPerson[] people =
        [
            new(1, "Adele Vance", null, CommunityRole.Member, Language.Dutch), new(2, "Lien Coach", null, CommunityRole.Coach, Language.Dutch),
            new(3, "Lynne Robbins", null, CommunityRole.Leader, Language.Dutch), new(4, "Nestor Wilke", null, CommunityRole.CoachTheCoach, Language.Dutch),
        ];
        var coachSheet = new CommunitySheet(community, people, null)
        {
            Actions = SheetActions.Manage | SheetActions.Leave,
            Paused = [new PausedPerson("Adele Vance", new DateOnly(2026, 3, 17)), new PausedPerson("Megan Bowen", null)],
        };
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var language in new[] { Language.Dutch, Language.English })
        {
            cards[$"roles-{language}"] = RolesCard.Build(community, people, viewerIsCoach: true, language, "Adele Vance is nu lid.");
            cards[$"edit-{language}"] = EditSheetCard.Build(community, language, "Opgeslagen: fase.");
            cards[$"leave-{language}"] = LeaveCard.Build(community, language);
            cards[$"coach-sheet-{language}"] = CommunitySheetCard.Build(coachSheet, BotApplication.Start, language);
            cards[$"notice-{language}"] = NoticeCard.Build("Je hebt Wiskunde eerste graad verlaten.", language);
        }

        CommunityBot.Testing.CardValidator.AssertAllValid(cards);
    }
}
