using CommunityBot.Teams.Cards;

namespace CommunityBot.Digests;

/// <summary>How much of a community a section shows; the card steps down until it fits Teams' message size.</summary>
internal enum SectionDetail
{
    /// <summary>The detail card: every round, every condition, every chart, for a coach the names.</summary>
    Full,

    /// <summary>The weekly card with room: all lines, a chart when the card allows one.</summary>
    Standard,

    /// <summary>Many communities: the lines a leader acts on, no chart; the rest is behind "More detail".</summary>
    Short,

    /// <summary>The same lines run together in one text.</summary>
    Compact,

    /// <summary>Only the name and the one-line status, nothing to open: the rest is behind "Meer details over…".</summary>
    Status,
}

/// <summary>One community's part of a digest card, as a list of elements to put in the body.</summary>
internal static class DigestSection
{
    /// <param name="collapsed">Only the name and a one-line status show; tapping them opens the rest (no round trip).</param>
    /// <param name="button">The section's own "Meer details"; without it the card has one <see cref="Picker"/> for all.</param>
    public static IReadOnlyList<CardElement> Build(Digest digest, CommunityDigest community, SectionDetail detail, bool collapsed, bool chart, bool button)
    {
        var lines = new DigestLines(community, digest.Period, digest.Recipient.Language);
        var name = new TextBlock(community.Name) { Weight = TextWeight.Bolder, Wrap = true };
        if (detail == SectionDetail.Status)
        {
            return [new Container { Separator = true, Items = [name, Status(community, lines)] }];
        }
        var body = Body(digest, community, lines, detail, chart);
        if (detail == SectionDetail.Full)
        {
            return body;
        }
        if (button)
        {
            body.Add(new ActionSet
            {
                Actions = [new ExecuteAction(lines.Texts.MoreDetail, DigestVerbs.Detail, new DigestDetailData(digest.Period.Monday, community.CommunityId) { Until = digest.Period.LastSevenDays ? digest.Period.To : null })],
            });
        }
        if (!collapsed)
        {
            return [new Container { Separator = true, Spacing = Spacing.Large, Items = [name, .. body] }];
        }
        // Short ids: sixty of them are part of the card's size.
        var bodyId = $"d{community.CommunityId}";
        return
        [
            new Container { Separator = true, SelectAction = new ToggleVisibilityAction(null, bodyId), Items = [name, Status(community, lines)] },
            new Container { Id = bodyId, IsVisible = false, Items = body },
        ];
    }

    /// <summary>
    /// One "Meer details over…" choice of <paramref name="communities"/> and one button, for a card with too many
    /// communities for a button each; the first community (the first that needs attention) is chosen already.
    /// </summary>
    public static IReadOnlyList<CardElement> Picker(Digest digest, IReadOnlyList<CommunityDigest> communities)
    {
        var texts = DigestTexts.All.For(digest.Recipient.Language);
        return
        [
            new ChoiceSetInput
            {
                Id = DigestDetailData.PickerId,
                Label = texts.PickerLabel,
                Style = ChoiceInputStyle.Compact,
                Separator = true,
                Spacing = Spacing.Large,
                Value = communities.Count > 0 ? Id(communities[0]) : null,
                Choices = [.. communities.Select(c => new Choice(c.Name, Id(c)))],
            },
            new ActionSet { Actions = [new ExecuteAction(texts.PickerButton, DigestVerbs.Detail, new DigestDetailData(digest.Period.Monday))] },
        ];
    }

    private static string Id(CommunityDigest community) => community.CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TextBlock Status(CommunityDigest community, DigestLines lines) => new(lines.Status)
    {
        Wrap = true,
        Spacing = Spacing.None,
        Size = TextSize.Small,
        Color = community.NeedsAttention.Count > 0 ? TextColor.Attention : null,
        IsSubtle = community.NeedsAttention.Count > 0 ? null : true,
    };

    private static List<CardElement> Body(Digest digest, CommunityDigest community, DigestLines lines, SectionDetail detail, bool chart)
    {
        List<CardElement> body = [];
        var attention = lines.Attention;
        if (attention.Count > 0)
        {
            // The detail card lists each point on its own line; the weekly card keeps them to one.
            var items = detail == SectionDetail.Full ? string.Join("\n\n", attention.Select(a => $"⚠ {a}")) : "⚠ " + string.Join(" · ", attention);
            body.Add(new TextBlock(items) { Wrap = true, Color = TextColor.Attention, Weight = TextWeight.Bolder });
        }
        if (detail is SectionDetail.Full or SectionDetail.Standard)
        {
            if (!string.IsNullOrWhiteSpace(community.Theme))
            {
                body.Add(Line(community.Theme, subtle: true));
            }
            body.Add(Line(lines.Phase));
            if (lines.Coaches is { } coaches)
            {
                body.Add(Line(coaches, subtle: true));
            }
        }
        if (detail == SectionDetail.Compact)
        {
            body.Add(Line(string.Join(" · ", new[] { lines.Sessions, lines.NextSession, lines.Agreements }.OfType<string>().Concat(lines.CheckInSummary(withConditions: false)))));
            return body;
        }
        body.Add(Line(lines.Sessions));
        if (lines.NextSession is { } nextSession)
        {
            body.Add(Line(nextSession));
        }
        if (detail is SectionDetail.Full or SectionDetail.Standard && lines.Attendance is { } attendance)
        {
            body.Add(Line(attendance));
        }
        body.Add(Line(lines.Agreements));
        var checkIns = detail == SectionDetail.Full ? lines.CheckInRounds() : lines.CheckInSummary(withConditions: detail == SectionDetail.Standard);
        body.AddRange(checkIns.Select(c => Line(c)));
        if (chart || detail == SectionDetail.Full)
        {
            body.AddRange(Charts(lines, detail == SectionDetail.Full));
        }
        // Names only where a coach already sees them; a leader's digest never gets here, whatever the data holds.
        if (detail is SectionDetail.Full or SectionDetail.Standard && digest.Recipient.Audience != DigestAudience.Leader && community.ForCoach is { } forCoach)
        {
            body.AddRange(lines.CoachLines(forCoach).Select(l => Line(l)));
        }
        return body;
    }

    /// <summary>The trend of each condition's mean over the released rounds; one round alone is a bar per condition.</summary>
    private static IEnumerable<CardElement> Charts(DigestLines lines, bool full)
    {
        var rounds = lines.Aggregates;
        if (rounds.Count >= 2)
        {
            yield return new LineChart
            {
                Title = lines.Texts.ChartTitle,
                ColorSet = ChartColorSet.Categorical,
                Data = [.. rounds[^1].Conditions.Select(c => new ChartSeries(
                    lines.Texts.ShortConditions[c.Condition],
                    [.. rounds.Select(r => (Round: r, Mean: r.Conditions.FirstOrDefault(x => x.Condition == c.Condition)))
                        .Where(p => p.Mean is not null)
                        .Select(p => new ChartPoint(lines.ChartLabel(p.Round), CheckIns.CheckInResultCard.Rounded(p.Mean!.Mean)))]))],
            };
        }
        if (full && rounds.Count >= 1)
        {
            yield return new HorizontalBarChart
            {
                Title = lines.Texts.BarTitle(lines.ChartLabel(rounds[^1])),
                ColorSet = ChartColorSet.Categorical,
                Data = [.. rounds[^1].Conditions.Select(c => new ChartPoint(lines.Texts.ShortConditions[c.Condition], CheckIns.CheckInResultCard.Rounded(c.Mean)))],
            };
        }
    }

    private static TextBlock Line(string text, bool subtle = false) =>
        new(text) { Wrap = true, Spacing = Spacing.Small, IsSubtle = subtle ? true : null };
}
