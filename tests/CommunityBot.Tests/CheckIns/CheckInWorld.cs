using System.Globalization;
using CommunityBot.CheckIns;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.CheckIns;

/// <summary>The agreements' test community (coach Lien; members Megan, Adele, Tom) with check-in helpers.</summary>
internal static class CheckInWorld
{
    public const string TestSecret = "a-test-only-pseudonym-secret-0123456789abcdef";

    public static async Task<(BotApplication App, AgreementWorld World)> CreateAsync(
        Language language = Language.Dutch, int? minimumResponses = null, DateTimeOffset? nextStart = null, Action<IServiceCollection>? services = null)
    {
        var app = await BotApplication.StartAsync(s =>
        {
            s["CheckIns:PseudonymSecret"] = TestSecret;
            if (minimumResponses is { } k)
            {
                s["CheckIns:MinimumResponses"] = k.ToString(CultureInfo.InvariantCulture);
            }
        }, services);
        var world = await AgreementWorld.CreateAsync(app, nextStart: nextStart);
        await app.QueryAsync(async db =>
        {
            await db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true));
            return await db.Communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.Language, language));
        });
        return (app, world);
    }

    public static string Locale(Language language) => language == Language.English ? "en-US" : "nl-BE";

    public static Instrument Instrument(BotApplication app) => app.Services.GetRequiredService<InstrumentCatalog>().Current;

    public static async Task<long> OpenAsync(BotApplication app, long communityId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CheckInOpener>().OpenAsync(communityId, CancellationToken.None)).Id;
    }

    public static async Task<T> WithAsync<T>(BotApplication app, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>
    /// A member's answers on the form: <paramref name="score"/> for every statement, turned around on the reverse-scored
    /// ones, so every condition scores exactly <paramref name="score"/> once reverse scoring is applied.
    /// </summary>
    public static Dictionary<string, object?> Form(BotApplication app, long checkInId, long communityId, int score, string? comment = null)
    {
        Dictionary<string, object?> data = new() { ["checkInId"] = checkInId, ["communityId"] = communityId };
        foreach (var item in Instrument(app).Items)
        {
            data[CheckInCard.InputId(item.Id)] = (item.Reverse ? 6 - score : score).ToString(CultureInfo.InvariantCulture);
        }
        if (comment is not null)
        {
            data[CheckInCard.CommentId] = comment;
        }
        return data;
    }

    public static Task<InvokeResponse> AnswerAsync(BotApplication app, Dictionary<string, object?> form, ChannelAccount who, Language language = Language.Dutch) =>
        app.InvokeAsync(app.Teams.Execute(CheckInVerbs.Answer, form, "card-1", who, Locale(language)));

    public static Task<int> ResponseCountAsync(BotApplication app) => app.QueryAsync(db => db.CheckInResponses.CountAsync());
}
