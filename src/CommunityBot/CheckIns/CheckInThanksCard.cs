using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.CheckIns;

/// <summary>
/// What the form turns into after answering: thanks, and the member's own answers against their previous check-in,
/// as a chart per condition and per statement. It is in the member's own chat and shows nothing of anyone else.
/// </summary>
public static class CheckInThanksCard
{
    public static AdaptiveCard Build(OwnCheckIns owner, OwnRound round, bool canChange, DateTimeOffset now, Language language)
    {
        var texts = CheckInTexts.All.For(language);
        var previous = owner.Before(round.CheckIn.Id);
        var title = texts.ThanksTitle(owner.CommunityName);
        List<ChartSeries> series = [Series(texts.ThisTime, round, language)];
        if (previous is not null)
        {
            series.Insert(0, Series(texts.LastTime, previous, language));
        }
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.OnlyYouSee) { Wrap = true, IsSubtle = true },
            new LineChart { Title = texts.ChartTitle, ColorSet = ChartColorSet.Categorical, Data = series },
            new TextBlock(texts.YourAnswers) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium },
        ];
        // The statement over its answer rather than a fact set: a whole statement in the narrow title column of a phone
        // broke over five lines.
        body.AddRange(round.Instrument.Items.Select(item => new Container
        {
            Spacing = Spacing.Small,
            Items =
            [
                new TextBlock(item.Text.For(language)) { Wrap = true },
                new TextBlock(Answer(round, previous, item, texts, language)) { Wrap = true, Weight = TextWeight.Bolder, Spacing = Spacing.None },
            ],
        }));
        List<CardAction>? actions = null;
        if (canChange)
        {
            body.Add(new TextBlock(texts.ChangeUntil(Formats.DayAndTime(round.CheckIn.ClosesAt, owner.Zone, language, now))) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
            actions = [new ExecuteAction(texts.Change, CheckInVerbs.Change, new CheckInData(round.CheckIn.Id, owner.CommunityId))];
        }
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body, Actions = actions };
    }

    private static ChartSeries Series(string legend, OwnRound round, Language language) =>
        new(legend, [.. round.Scores().Select(s => new ChartPoint(round.Instrument.Condition(s.Condition).Name.For(language), Math.Round(s.Score, 1)))]);

    private static string Answer(OwnRound round, OwnRound? previous, Statement item, CheckInTexts texts, Language language)
    {
        var now = Label(round, item.Id, language);
        return previous?.Answers?.TryGetValue(item.Id, out var before) == true
            ? $"{now} ({texts.Previous(before.ToString(CultureInfo.InvariantCulture))})"
            : now;
    }

    private static string Label(OwnRound round, string itemId, Language language)
    {
        var value = round.Answers![itemId];
        return $"{value} · {round.Instrument.Labels[value - round.Instrument.Min].For(language)}";
    }
}
