using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.CheckIns;

/// <summary><c>mijn check-ins</c>: the member's own score per condition over the rounds they answered, in one community.</summary>
public static class MyCheckInsCard
{
    public static AdaptiveCard Build(OwnCheckIns own, Language language)
    {
        var texts = CheckInTexts.All.For(language);
        var title = texts.MineTitle(own.CommunityName);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        var answered = own.Rounds.Where(r => r.Answers is not null).ToList();
        if (answered.Count == 0)
        {
            body.Add(new TextBlock(texts.MineNone) { Wrap = true });
            return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body };
        }
        body.Add(new TextBlock(texts.OnlyYouSee) { Wrap = true, IsSubtle = true });
        var culture = language.Culture();
        var latest = answered[^1].Instrument;
        body.Add(new LineChart
        {
            Title = texts.TrendTitle,
            ColorSet = ChartColorSet.Categorical,
            Data = [.. latest.Conditions.Select(c => new ChartSeries(
                c.Name.For(language),
                [.. answered.Select(r => new ChartPoint(
                    TimeZoneInfo.ConvertTime(r.CheckIn.OpensAt, own.Zone).ToString("d MMM", culture),
                    Math.Round(r.Scores().Single(s => s.Condition == c.Id).Score, 1)))]))],
        });
        body.Add(new FactSet
        {
            Facts = [.. answered[^1].Scores().Select(s => new CardFact(
                latest.Condition(s.Condition).Name.For(language), s.Score.ToString("0.0", CultureInfo.GetCultureInfo(language.Tag()))))],
        });
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body };
    }
}
