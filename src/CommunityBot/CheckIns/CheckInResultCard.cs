using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.CheckIns;

/// <summary>
/// The coach's result of one closed round, built only from what <see cref="CheckInAggregator"/> released: below k a
/// single line and nothing else, at k or more the means, their change, a chart, the rate and the lowest condition's suggestion.
/// </summary>
public static class CheckInResultCard
{
    public static AdaptiveCard Build(string communityName, TimeZoneInfo zone, CheckInResult result, CheckInAggregate? previous, Instrument instrument, DateTimeOffset now, Language language)
    {
        var texts = CheckInResultTexts.All.For(language);
        var title = texts.Title(communityName, Formats.Day(result.ClosesAt, zone, language, now));
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        if (result is not CheckInAggregate aggregate)
        {
            body.Add(new TextBlock(texts.NotEnough) { Wrap = true });
            return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body };
        }
        var culture = language.Culture();
        var lowest = aggregate.Conditions.MinBy(c => c.Mean)!;
        body.Add(new TextBlock(texts.Rate(aggregate.ResponseRate.ToString("P0", culture))) { Wrap = true, IsSubtle = true });
        body.Add(new HorizontalBarChart
        {
            Title = texts.ChartTitle,
            ColorSet = ChartColorSet.Categorical,
            Data = [.. aggregate.Conditions.Select(c => new ChartPoint(instrument.Condition(c.Condition).Name.For(language), Rounded(c.Mean)))],
        });
        // One line per condition rather than a fact set: names like "Gezamenlijke doelgerichtheid" broke over two lines
        // in the narrow title column of a phone.
        body.AddRange(aggregate.Conditions.Select(c => new TextBlock($"{instrument.Condition(c.Condition).Name.For(language)}: {Mean(c, previous, texts, culture)}")
        {
            Wrap = true,
            Spacing = Spacing.Small,
        }));
        body.Add(new TextBlock(texts.Lowest(instrument.Condition(lowest.Condition).Name.For(language))) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
        body.Add(new TextBlock(instrument.Condition(lowest.Condition).Suggestion.For(language)) { Wrap = true });
        if (aggregate.Comments.Count > 0)
        {
            body.Add(new TextBlock(texts.Comments) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium });
            body.Add(new TextBlock(texts.CommentsNote) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
            body.AddRange(aggregate.Comments.Select(c => new TextBlock($"“{c}”") { Wrap = true }));
        }
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body };
    }

    private static string Mean(ConditionAggregate condition, CheckInAggregate? previous, CheckInResultTexts texts, CultureInfo culture)
    {
        var mean = Rounded(condition.Mean).ToString("0.0", culture);
        var before = previous?.Conditions.FirstOrDefault(c => c.Condition == condition.Condition);
        if (before is null)
        {
            return $"{mean} ({texts.FirstTime})";
        }
        // The change between the shown means, so the card's numbers add up.
        var delta = Rounded(condition.Mean) - Rounded(before.Mean);
        return $"{mean} ({texts.Change(delta.ToString("+0.0;−0.0;±0.0", culture))})";
    }

    /// <summary>One decimal, half away from zero as people round (2.25 is 2.3), not to even.</summary>
    public static double Rounded(double mean) => Math.Round(mean, 1, MidpointRounding.AwayFromZero);
}
