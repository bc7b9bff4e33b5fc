using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Tests.SessionAttendance;

/// <summary>The agreements' test community (coach Lien; Megan, Adele, Tom; held 26 February, next 23 March) in one language.</summary>
internal static class AttendanceWorld
{
    /// <summary>Friday 20 March 2026, 16:00 in Brussels: the briefing for the session of Monday 23 March.</summary>
    public static readonly DateTimeOffset BriefingMoment = new(2026, 3, 20, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Monday 23 March 2026, 18:30 in Brussels: the session of 16:00 (2.5 hours) has ended.</summary>
    public static readonly DateTimeOffset NextSessionEnded = new(2026, 3, 23, 17, 30, 0, TimeSpan.Zero);

    public static async Task<(BotApplication App, AgreementWorld World)> CreateAsync(Language language)
    {
        var app = await BotApplication.StartAsync();
        var world = await AgreementWorld.CreateAsync(app);
        await app.QueryAsync(async db =>
        {
            await db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true));
            return await db.Communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.Language, language));
        });
        return (app, world);
    }

    public static string Locale(Language language) => language == Language.English ? "en-US" : "nl-BE";

    public static async Task<List<OutboxMessage>> ChannelMessagesAsync(AgreementWorld world) =>
        [.. (await world.OutboxAsync()).Where(m => m.ConversationRowId == world.ChannelRowId)];

    public static string Shown(OutboxMessage message) => message.Text ?? AgreementWorld.Readable(message.Card!.Value.GetRawText());

    /// <summary>The card the bot replied with last in this person's personal chat.</summary>
    public static string LastCardIn(BotApplication app, ChannelAccount person) =>
        AgreementWorld.Readable(app.Connector.SentActivities
            .Last(a => a.ConversationId == TeamsActivities.PersonalChatOf(person) && a.Activity?.Attachments is { Count: > 0 })
            .Activity!.Attachments!.Single().Content!.Value.GetRawText());

    public static string LastTextIn(BotApplication app, ChannelAccount person) =>
        app.Connector.SentActivities.Last(a => a.ConversationId == TeamsActivities.PersonalChatOf(person) && a.Activity?.Text is not null).Activity!.Text!;
}
