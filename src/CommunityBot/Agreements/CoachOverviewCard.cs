using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>The overview's button data; the chosen session comes back as the input <c>session</c>.</summary>
public sealed record OverviewData(long CommunityId);

/// <summary>
/// A coach's overview of one community: every open agreement, grouped by the session it is due at (overdue marked),
/// with each owner's state, or only the counts when names must not be shown. A session filter redraws it in place.
/// </summary>
public static class CoachOverviewCard
{
    public const string FilterInputId = "session";
    public const string AllSessions = "all";
    public const string NoSession = "none";

    /// <summary>Teams refuses cards over about 28 KB: at most this many agreements and owner lines, then "en nog N".</summary>
    internal const int MaxAgreements = 15;
    internal const int MaxLines = 80;

    public static AdaptiveCard Build(string communityName, long communityId, IReadOnlyList<AgreementView> agreements, bool showNames, string? filter, DateTimeOffset now, Language language)
    {
        var texts = CoachOverviewTexts.All.For(language);
        var title = texts.Title(communityName);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(agreements.Count == 0 ? texts.None : texts.OpenCount(agreements.Count)) { Wrap = true, IsSubtle = true, Spacing = Spacing.None },
        ];
        if (!showNames && agreements.Count > 0)
        {
            body.Add(new TextBlock(texts.NamesHidden) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }
        var groups = agreements.GroupBy(a => a.DueSession?.Id).ToList();
        if (groups.Count > 1)
        {
            body.AddRange(Filter(communityId, groups, filter, agreements[0].Zone, now, texts, language));
        }
        IReadOnlyList<AgreementView> shown = filter is null or AllSessions ? agreements
            : [.. agreements.Where(a => Key(a.DueSession?.Id) == filter)];
        var taken = Capped(shown, showNames);
        foreach (var group in taken.GroupBy(a => a.DueSession?.Id))
        {
            var session = group.First().DueSession;
            var overdue = session is not null && session.StartsAt <= now;
            var heading = session is null ? texts.NoSessionYet : texts.DueAt(Formats.Day(session.StartsAt, group.First().Zone, language, now));
            body.Add(new TextBlock(overdue ? $"{heading} · {texts.Overdue}" : heading)
            {
                Weight = TextWeight.Bolder, Size = TextSize.Medium, Color = overdue ? TextColor.Attention : null, Wrap = true, Separator = true, Spacing = Spacing.Large,
            });
            body.AddRange(group.Select(a => Block(a, showNames, texts)));
        }
        if (shown.Count > taken.Count)
        {
            body.Add(new TextBlock(texts.More(shown.Count - taken.Count)) { Wrap = true, IsSubtle = true, Separator = true });
        }
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body, MsTeams = TeamsCardProperties.FullWidth };
    }

    /// <summary>The first agreements, in order, while they stay within the card's budget (always at least one).</summary>
    private static List<AgreementView> Capped(IReadOnlyList<AgreementView> agreements, bool showNames)
    {
        var (taken, lines) = (new List<AgreementView>(), 0);
        foreach (var agreement in agreements)
        {
            var need = 1 + (showNames ? agreement.Answers.Count : 1);
            if (taken.Count == MaxAgreements || (taken.Count > 0 && lines + need > MaxLines))
            {
                break;
            }
            taken.Add(agreement);
            lines += need;
        }
        return taken;
    }

    /// <summary>The choice of session and the button that redraws the card with it.</summary>
    private static IEnumerable<CardElement> Filter(long communityId, IEnumerable<IGrouping<long?, AgreementView>> groups, string? filter, TimeZoneInfo zone, DateTimeOffset now, CoachOverviewTexts texts, Language language)
    {
        yield return new ChoiceSetInput
        {
            Id = FilterInputId,
            Label = texts.FilterLabel,
            Style = ChoiceInputStyle.Compact,
            Value = filter ?? AllSessions,
            Choices =
            [
                new Choice(texts.AllSessions, AllSessions),
                .. groups.Select(g => g.First().DueSession is { } s
                    ? new Choice(texts.DueAt(Formats.Day(s.StartsAt, zone, language, now)), Key(s.Id))
                    : new Choice(texts.NoSessionYet, NoSession)),
            ],
        };
        yield return new ActionSet { Actions = [new ExecuteAction(texts.Show, AgreementVerbs.Overview, new OverviewData(communityId))] };
    }

    private static Container Block(AgreementView agreement, bool showNames, CoachOverviewTexts texts)
    {
        List<CardElement> items = [new TextBlock(agreement.Text) { Wrap = true, Weight = TextWeight.Bolder }];
        if (showNames)
        {
            items.Add(new FactSet { Facts = [.. agreement.Answers.Select(a => new CardFact(a.Person.Name, texts.OwnerState(a.Status)))] });
        }
        else
        {
            var counts = agreement.Answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {texts.OwnerState(g.Key)}");
            items.Add(new TextBlock(string.Join(" · ", counts)) { Wrap = true, IsSubtle = true, Spacing = Spacing.None });
        }
        return new Container { Items = items, Spacing = Spacing.Medium };
    }

    private static string Key(long? sessionId) => sessionId is { } id ? id.ToString(CultureInfo.InvariantCulture) : NoSession;
}
