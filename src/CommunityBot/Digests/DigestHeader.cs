using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Digests;

/// <summary>The top of every digest card: the week, and how many communities need attention across all of them.</summary>
/// <param name="hint">How to open the sections when they are collapsed (a tap, or the choice at the bottom); null when open.</param>
internal sealed class DigestHeader(Digest digest, DateOnly today, string? hint)
{
    private readonly Language language = digest.Recipient.Language;
    private readonly DigestTexts texts = DigestTexts.All.For(digest.Recipient.Language);

    /// <param name="part">Which card of how many, when the digest is split.</param>
    public AdaptiveCard Card((int Part, int Of)? part, IReadOnlyList<CardElement> sections)
    {
        var title = texts.Title(Week(digest.Period, today, language));
        if (part is var (number, of))
        {
            title += $" ({texts.Part(number, of)})";
        }
        var attention = digest.Communities.Count(c => c.NeedsAttention.Count > 0);
        var summary = digest.Communities.Count == 0 ? texts.NoCommunities
            : attention == 0 ? texts.AllWell
            : texts.NeedAttention(attention, digest.Communities.Count);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(summary)
            {
                Wrap = true,
                Spacing = Spacing.Small,
                Color = attention > 0 ? TextColor.Attention : TextColor.Good,
                Weight = attention > 0 ? TextWeight.Bolder : null,
            },
        ];
        if (hint is not null)
        {
            body.Add(new TextBlock(hint) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small });
        }
        body.AddRange(sections);
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = $"{title}: {summary}", Body = body };
    }

    /// <summary>
    /// The days the period covers, from the previous digest's day to the day before its own: "23 – 29 november",
    /// "30 november – 6 december"; with the year only when it is not <paramref name="today"/>'s.
    /// </summary>
    public static string Week(DigestPeriod period, DateOnly today, Language language)
    {
        var culture = language.Culture();
        if (period.LastSevenDays)
        {
            return DigestTexts.All.For(language).LastSevenDays;
        }
        var zone = LocalClock.Zone(period.TimeZone);
        var from = DateOnly.FromDateTime(LocalClock.ToLocal(period.From, zone));
        var to = DateOnly.FromDateTime(LocalClock.ToLocal(period.To, zone)).AddDays(-1);
        var withYear = from.Year != today.Year || to.Year != today.Year;
        if (from.Year != to.Year)
        {
            return $"{from.ToString("d MMMM yyyy", culture)} – {to.ToString("d MMMM yyyy", culture)}";
        }
        var end = to.ToString(withYear ? "d MMMM yyyy" : "d MMMM", culture);
        return from.Month == to.Month ? $"{from.Day} – {end}" : $"{from.ToString("d MMMM", culture)} – {end}";
    }
}
