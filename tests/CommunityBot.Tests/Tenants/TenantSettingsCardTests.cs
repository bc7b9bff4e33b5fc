using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.Tenants.TenantSettingsWorld;

namespace CommunityBot.Tests.Tenants;

/// <summary>
/// The tenant admin's settings card: shown with the current values and the defaults, saved with "✓ Opgeslagen" and a
/// line in the history, reset to the defaults; invalid values, non-admins and other tenants' admins change nothing.
/// </summary>
public sealed class TenantSettingsCardTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static Task<int> StoredRowsAsync(BotApplication app) =>
        app.QueryAsync(db => db.Set<TenantSettingsRow>().CountAsync());

    [Theory]
    [InlineData(Language.Dutch, "instellingen", "Instellingen van je scholengroep", "Stille uren beginnen om — standaard: 20:00", "✓ Opgeslagen",
        "Lien Coach: stille uren 20:00–08:00 → 21:00–07:00", "Lien Coach: weekoverzicht maandag 07:30 → dinsdag 09:00", "✓ Alles staat weer op de standaardwaarden")]
    [InlineData(Language.English, "settings", "Settings of your school group", "Quiet hours start at — default: 20:00", "✓ Saved",
        "Lien Coach: quiet hours 20:00–08:00 → 21:00–07:00", "Lien Coach: weekly digest Monday 07:30 → Tuesday 09:00", "✓ Everything is back at the defaults")]
    public async Task The_admin_sees_the_values_and_defaults_saves_them_with_a_history_line_and_resets_them(
        Language language, string command, string title, string quietLabel, string saved, string quietLine, string digestLine, string resetDone)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await MakeAdminAsync(app, world.Id(Coach));

        await app.PostAsync(app.Teams.Message(command, Coach, Locale(language)));
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.Activity?.Attachments is { Count: > 0 }), Timeout);
        var card = world.LastReplyCard();
        var answer = CardJson(await SaveAsync(app, Coach, language,
            ("quietStart", "21:00"), ("quietEnd", "07:00"), ("holidays", "24/03/2026, 2026-05-04"), ("k", "6"), ("digestDay", "Tuesday"), ("digestTime", "09:00"), ("retention", "3")));
        var stored = await SettingsAsync(app);
        var reset = CardJson(await app.InvokeAsync(app.Teams.Execute(TenantSettingsVerbs.Reset, new { }, "card-1", Coach, Locale(language))));

        card.ShouldContain(title);
        card.ShouldContain(quietLabel);
        card.ShouldContain($"\"verb\":\"{TenantSettingsVerbs.Save}\"");
        card.ShouldContain($"\"verb\":\"{TenantSettingsVerbs.Reset}\"");
        answer.ShouldContain(saved);
        answer.ShouldContain(quietLine);
        answer.ShouldContain(digestLine);
        answer.ShouldContain("\"value\":\"24/03/2026, 04/05/2026\"");
        (stored.QuietHoursStart, stored.QuietHoursEnd, stored.MinimumResponses, stored.DigestDay, stored.DigestTime, stored.RetentionSchoolYears)
            .ShouldBe((new TimeOnly(21, 0), new TimeOnly(7, 0), 6, DayOfWeek.Tuesday, new TimeOnly(9, 0), 3));
        stored.ExtraHolidays.ShouldBe([new DateOnly(2026, 3, 24), new DateOnly(2026, 5, 4)]);
        reset.ShouldContain(resetDone);
        TenantSettingsParser.Changes(await SettingsAsync(app), await DefaultsAsync(app)).ShouldBeEmpty();
        var history = await app.QueryAsync(db => db.Set<TenantSettingsChange>().AsNoTracking().OrderBy(c => c.Id).ToListAsync());
        history.Count.ShouldBe(10, "five settings changed, then five reset; the languages never changed");
        history.ShouldAllBe(c => c.ByPersonId == world.Id(Coach) && c.TenantId == TeamsActivities.TenantId);
        history.ShouldNotContain(c => c.Setting == TenantSetting.Languages);
    }

    [Theory]
    [InlineData(Language.Dutch, "Het minimum aantal antwoorden is een getal van 3 tot 1000", "De stille uren zijn de nacht",
        "Het weekoverzicht komt tussen 06:00 en 20:00", "Bewaar antwoorden 1 tot 10 schooljaren.", "'31/02/2027' is geen datum", "21/03/2026 is al geen schooldag")]
    [InlineData(Language.English, "The minimum number of answers is a number from 3 to 1000", "The quiet hours are the night",
        "The weekly digest comes between 06:00 and 20:00", "Keep answers 1 to 10 school years.", "'31/02/2027' is not a date", "21/03/2026 is already no school day")]
    public async Task Invalid_values_are_refused_with_their_message_and_change_nothing(
        Language language, string k, string quiet, string digest, string retention, string date, string weekend)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await MakeAdminAsync(app, world.Id(Coach));

        var answer = CardJson(await SaveAsync(app, Coach, language,
            ("k", "2"), ("quietStart", "08:00"), ("quietEnd", "20:00"), ("digestTime", "21:00"), ("retention", "11"), ("holidays", "31/02/2027; 21/03/2026")));
        var low = CardJson(await SaveAsync(app, Coach, language, ("k", "-5"), ("digestDay", "Saturday"), ("languages", "fr")));

        foreach (var message in new[] { k, quiet, digest, retention, date, weekend })
        {
            answer.ShouldContain(message);
        }
        answer.ShouldContain("\"value\":\"2\"", customMessage: "the admin's input is shown again to correct");
        low.ShouldContain(k);
        low.ShouldContain(language == Language.English ? "Choose a school day, Monday to Friday" : "Kies een schooldag, maandag tot vrijdag");
        low.ShouldContain(language == Language.English ? "Choose which languages" : "Kies welke talen");
        (await StoredRowsAsync(app)).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<TenantSettingsChange>().CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "instellingen", "Alleen een beheerder van je scholengroep kan de instellingen bekijken en wijzigen. Er is niets veranderd.")]
    [InlineData(Language.English, "settings", "Only an admin of your school group can view and change the settings. Nothing was changed.")]
    public async Task A_non_admin_gets_the_same_refusal_whatever_they_send_and_nothing_changes(Language language, string command, string refusal)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await app.PostAsync(app.Teams.Message(command, Megan, Locale(language)));
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.ConversationId == TeamsActivities.PersonalChatOf(Megan)), Timeout);
        var save = await SaveAsync(app, Megan, language, ("k", "3"));
        var forged = await app.InvokeAsync(app.Teams.Execute(TenantSettingsVerbs.Save, new { k = "3", tenantId = "other-tenant", isTenantAdmin = true }, "card-1", Megan, Locale(language)));
        var reset = await app.InvokeAsync(app.Teams.Execute(TenantSettingsVerbs.Reset, new { }, "card-1", Megan, Locale(language)));

        world.LastReplyText().ShouldBe(refusal);
        MessageText(save).ShouldBe(refusal);
        MessageText(forged).ShouldBe(refusal);
        MessageText(reset).ShouldBe(refusal);
        (await StoredRowsAsync(app)).ShouldBe(0);
        (await SettingsAsync(app)).MinimumResponses.ShouldBe(4);
    }

    [Fact]
    public async Task An_admin_of_another_tenant_changes_only_their_own_tenant()
    {
        const string otherTenant = "other-tenant";
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        var theirAdmin = new ChannelAccount { Id = "29:their-admin", Name = "Greta Ander", AadObjectId = "aad-their-admin" };
        await app.QueryAsync(async db =>
        {
            db.People.Add(new Person { TenantId = otherTenant, TeamsUserId = theirAdmin.Id, AadObjectId = theirAdmin.AadObjectId, DisplayName = theirAdmin.Name, IsTenantAdmin = true });
            return await db.SaveChangesAsync();
        });

        var press = Conversations.TenantScopingTests.FromTenant(
            app.Teams.Execute(TenantSettingsVerbs.Save, Form(("k", "9"), ("quietStart", "18:00")), "card-1", theirAdmin), otherTenant);
        var answer = CardJson(await app.InvokeAsync(press));

        answer.ShouldContain("✓ Opgeslagen");
        (await SettingsAsync(app, otherTenant)).MinimumResponses.ShouldBe(9);
        TenantSettingsParser.Changes(await SettingsAsync(app), await DefaultsAsync(app)).ShouldBeEmpty();
        (await app.QueryAsync(db => db.Set<TenantSettingsRow>().AsNoTracking().SingleAsync())).TenantId.ShouldBe(otherTenant);
    }

    [Fact]
    public void The_settings_card_is_valid_for_the_official_renderer_in_both_languages()
    {
        var defaults = new TenantSettings
        {
            Languages = [Language.Dutch, Language.English],
            QuietHoursStart = new TimeOnly(20, 0),
            QuietHoursEnd = new TimeOnly(8, 0),
            ExtraHolidays = [],
            MinimumResponses = 4,
            DigestDay = DayOfWeek.Monday,
            DigestTime = new TimeOnly(7, 30),
            RetentionSchoolYears = 2,
        };
        var current = defaults with { QuietHoursStart = new TimeOnly(21, 0), ExtraHolidays = [new DateOnly(2026, 3, 24), new DateOnly(2026, 5, 4)], MinimumResponses = 6 };
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var changes = new[]
        {
            new TenantSettingsChangeLine(BotApplication.Start, "Lien Coach", TenantSetting.MinimumResponses, "4", "6"),
            new TenantSettingsChangeLine(BotApplication.Start, null, TenantSetting.ExtraHolidays, "", "2026-03-24,2026-05-04"),
        };
        var view = new TenantSettingsView(current, defaults, new DateOnly(2026, 3, 2), zone, changes);
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var language in Enum.GetValues<Language>())
        {
            var code = language == Language.English ? "en" : "nl";
            cards[$"settings-{code}"] = TenantSettingsCard.Build(view, language);
            cards[$"settings-saved-{code}"] = TenantSettingsCard.Build(view, language, done: TenantSettingsTexts.All.For(language).Saved);
            cards[$"settings-errors-{code}"] = TenantSettingsCard.Build(view with { Changes = [] }, language, Form2(), ["Het minimum aantal antwoorden is een getal van 3 tot 1000."]);
        }

        CommunityBot.Testing.CardValidator.AssertAllValid(cards);
    }

    private static TenantSettingsForm Form2() => new() { Languages = "nl", QuietStart = "20:00", QuietEnd = "08:00", K = "2", DigestDay = "Friday", DigestTime = "07:30", Retention = "2" };

    private static async Task<TenantSettings> DefaultsAsync(BotApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<ConfiguredTenantSettings>().Defaults(TeamsActivities.TenantId);
    }
}
