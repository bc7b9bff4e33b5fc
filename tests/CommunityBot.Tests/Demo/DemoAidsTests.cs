using System.Text.Json;
using CommunityBot.Demo;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Demo;

/// <summary>The development aids teach: deferred work says when and why, the demo clock refuses nonsense, act as marks answers in place.</summary>
public sealed class DemoAidsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static TheoryData<DateTimeOffset, string, string> Deferred() => new()
    {
        // Tuesday 3 March 2026, 21:00 in Brussels.
        { new DateTimeOffset(2026, 3, 3, 20, 0, 0, TimeSpan.Zero), "nl-BE", "Wat nu aan de beurt is, komt morgen om 08:00 (stille uren)" },
        { new DateTimeOffset(2026, 3, 3, 20, 0, 0, TimeSpan.Zero), "en-US", "Whatever is due now comes tomorrow at 08:00 (quiet hours)" },
        // Wednesday 4 March, 06:30: the same morning.
        { new DateTimeOffset(2026, 3, 4, 5, 30, 0, TimeSpan.Zero), "nl-BE", "komt vandaag om 08:00 (stille uren)" },
        // Saturday 7 March, noon.
        { new DateTimeOffset(2026, 3, 7, 11, 0, 0, TimeSpan.Zero), "nl-BE", "komt maandag 9 maart om 08:00 (weekend)" },
        { new DateTimeOffset(2026, 3, 7, 11, 0, 0, TimeSpan.Zero), "en-US", "comes Monday 9 March at 08:00 (weekend)" },
        // Wednesday 8 April, noon: the Easter holiday (6–19 April 2026).
        { new DateTimeOffset(2026, 4, 8, 10, 0, 0, TimeSpan.Zero), "nl-BE", "komt maandag 20 april om 08:00 (schoolvakantie)" },
    };

    [Theory]
    [MemberData(nameof(Deferred))]
    public async Task Run_reminders_now_says_when_deferred_work_will_go_out_and_why(DateTimeOffset at, string locale, string expected)
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        app.Clock.SetUtcNow(at);

        await app.PostAsync(app.Teams.Message(locale == "en-US" ? "run reminders now" : "herinneringen nu", Coach, locale));

        (await LastTextAsync(app, Coach)).ShouldContain(expected);
    }

    [Fact]
    public async Task On_a_school_day_outside_the_quiet_hours_run_reminders_now_says_it_is_on_its_way()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("herinneringen nu", Coach));

        (await LastTextAsync(app, Coach)).ShouldBe("Herinneringen, briefings en duwtjes zijn nagekeken; wat nu aan de beurt is, is onderweg.");
    }

    [Theory]
    [InlineData("spoel -100 dagen door")]
    [InlineData("spoel −3 uur door")]
    [InlineData("spoel 0 dagen door")]
    [InlineData("spoel 366 dagen door")]
    [InlineData("advance 9000 hours")]
    public async Task The_demo_clock_refuses_negative_zero_or_absurd_amounts_and_does_not_move(string typed)
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message(typed, Coach));

        (await LastTextAsync(app, Coach)).ShouldBe("De demoklok gaat alleen vooruit, met 1 tot 365 dagen per keer (of in uren: 'spoel 5 uur door'). Er is niets veranderd.");
        app.Services.GetRequiredService<DemoClock>().Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task The_demo_clock_moves_up_to_a_year()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("spoel 365 dagen door", Coach));

        app.Services.GetRequiredService<DemoClock>().Offset.ShouldBe(TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Acting_as_someone_marks_a_card_inside_the_card_and_a_text_at_its_start_never_in_a_bubble_of_its_own()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        await app.PostAsync(app.Teams.Message("act as Megan", Coach));

        await app.PostAsync(app.Teams.Message("mijn afspraken", Coach));
        await app.PostAsync(app.Teams.Message("spoel 1 dag door", Coach));

        var chat = TeamsActivities.PersonalChatOf(Coach);
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Count(a => a.ConversationId == chat) >= 3, Timeout);
        var replies = app.Connector.SentActivities.Where(a => a.ConversationId == chat).Select(a => a.Activity!).ToList();
        var card = replies.Single(a => a.Attachments is { Count: > 0 });
        card.Text.ShouldBeNull();
        var first = card.Attachments!.Single().Content!.Value.GetProperty("body")[0];
        first.GetProperty("text").GetString().ShouldBe("(als Megan Bowen)");
        replies.Where(a => a.Attachments is null or { Count: 0 }).ShouldAllBe(a => a.Text!.StartsWith("(als Megan Bowen) ") || a.Text.StartsWith("Je handelt nu als"));
        replies.ShouldNotContain(a => a.Text == "(als Megan Bowen)");
    }

    [Theory]
    [InlineData(null, "en-US", "Welkom bij CommunityBot")]
    [InlineData("en", "nl-BE", "Welcome to CommunityBot")]
    public async Task The_demo_greets_in_its_own_language_whatever_the_playgrounds_locale_until_a_person_chooses(string? demoLanguage, string locale, string welcome)
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Demo:Enabled"] = "true";
            s["Demo:TenantId"] = TeamsActivities.TenantId;
            if (demoLanguage is not null)
            {
                s["Demo:Language"] = demoLanguage;
            }
        });
        var alex = new ChannelAccount { Id = DemoCommunity.CoachTeamsUserId, Name = "Alex Wilber" };

        await app.PostAsync(app.Teams.InstallPersonal(alex, locale));
        var chat = TeamsActivities.PersonalChatOf(alex);
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.ConversationId == chat), Timeout);
        Readable(app.Connector.SentActivities.First(a => a.ConversationId == chat).Activity!.Attachments!.Single().Content!.Value.GetRawText()).ShouldContain(welcome);

        var other = demoLanguage is null ? "taal en" : "language nl";
        await app.PostAsync(app.Teams.Message(other, alex, locale));
        await app.PostAsync(app.Teams.Message("volgende sessie", alex, locale));
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Count(a => a.ConversationId == chat) >= 3, Timeout);
        var seen = app.Connector.SentActivities.Where(a => a.ConversationId == chat).Select(a => a.Activity!.Text).ToList();
        seen.ShouldContain(demoLanguage is null ? "I will speak English with you from now on." : "Ik spreek vanaf nu Nederlands met je.");
        (await app.QueryAsync(db => db.People.SingleAsync(p => p.TeamsUserId == DemoCommunity.CoachTeamsUserId))).LanguageChosen.ShouldBeTrue();
    }

    private static async Task<string> LastTextAsync(BotApplication app, ChannelAccount who)
    {
        var chat = TeamsActivities.PersonalChatOf(who);
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.ConversationId == chat && a.Activity?.Text is not null), Timeout);
        return app.Connector.SentActivities.Last(a => a.ConversationId == chat && a.Activity?.Text is not null).Activity!.Text!;
    }
}

/// <summary><c>demo reset</c> brings the seeded demo back: data, clock and who acts as whom.</summary>
public sealed class DemoResetTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly ChannelAccount Alex = new() { Id = DemoCommunity.CoachTeamsUserId, Name = "Alex Wilber" };

    private static Task<BotApplication> DemoAsync() => BotApplication.StartAsync(s =>
    {
        s["Demo:Enabled"] = "true";
        s["Demo:TenantId"] = TeamsActivities.TenantId;
    });

    private static Task<(int People, int Communities, int Sessions, int Agreements)> CountsAsync(BotApplication app) =>
        app.QueryAsync(async db => (await db.People.CountAsync(), await db.Communities.CountAsync(), await db.Sessions.CountAsync(), await db.Agreements.CountAsync()));

    [Fact]
    public async Task Demo_reset_restores_the_seeded_state_and_puts_the_clock_back()
    {
        await using var app = await DemoAsync();
        var seeded = await CountsAsync(app);
        var texts = await app.QueryAsync(db => db.Agreements.OrderBy(a => a.Text).Select(a => a.Text).ToListAsync());
        await app.PostAsync(app.Teams.Message("afspraak afwerken @Megan: iets nieuws", Alex));
        await app.PostAsync(app.Teams.Message("spoel 3 dagen door", Alex));
        await app.PostAsync(app.Teams.Message("act as Megan", Alex));
        (await CountsAsync(app)).Agreements.ShouldBe(seeded.Agreements + 1);

        await app.PostAsync(app.Teams.Message("demo reset", Alex));

        var chat = TeamsActivities.PersonalChatOf(Alex);
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.ConversationId == chat && a.Activity?.Text?.Contains("De demo staat weer zoals bij de start") == true), Timeout);
        (await CountsAsync(app)).ShouldBe(seeded);
        (await app.QueryAsync(db => db.Agreements.OrderBy(a => a.Text).Select(a => a.Text).ToListAsync())).ShouldBe(texts);
        app.Services.GetRequiredService<DemoClock>().Offset.ShouldBe(TimeSpan.Zero);
        var alex = await app.QueryAsync(db => db.People.SingleAsync(p => p.TeamsUserId == DemoCommunity.CoachTeamsUserId));
        app.Services.GetRequiredService<Impersonations>().ActorFor(alex.Id).ShouldBeNull();
    }

    [Fact]
    public async Task Demo_reset_refuses_a_database_with_another_tenant_and_changes_nothing()
    {
        await using var app = await DemoAsync();
        await app.PostAsync(app.Teams.Message("help", Alex));
        await app.PostAsync(Conversations.TenantScopingTests.FromTenant(app.Teams.Message("help"), "other-tenant"));
        var before = await CountsAsync(app);

        await app.PostAsync(app.Teams.Message("demo reset", Alex));

        var chat = TeamsActivities.PersonalChatOf(Alex);
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.ConversationId == chat && a.Activity?.Text?.StartsWith("Deze databank bevat ook andere tenants") == true), Timeout);
        (await CountsAsync(app)).ShouldBe(before);
    }
}
