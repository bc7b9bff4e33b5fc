using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

/// <summary>
/// Each participant's card: the slots to tick with who ticked them so far ("Alex, Diego"), how many voted and the
/// deadline. It is redrawn for everyone after each vote (Universal Actions refresh and every sent copy), and shows the
/// outcome once the vote closes.
/// </summary>
public static class VoteCard
{
    public const string On = "true";
    public const string Off = "false";
    public const string InputPrefix = "slot-";

    /// <summary>Teams refreshes automatically for at most 60 users.</summary>
    private const int MaxRefreshUsers = 60;

    public static string InputId(long slotId) => $"{InputPrefix}{slotId}";

    public static AdaptiveCard Build(ProposalView proposal, long viewerId, Language language)
    {
        var texts = IntervisionTexts.All.For(language);
        var title = texts.VoteTitle(proposal.GroupName);
        var voting = proposal.State == ProposalState.Voting;
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        body.Add(new TextBlock(voting
            ? texts.VoteIntro(Formats.DayAndTime(proposal.VoteClosesAt, proposal.Zone, language, proposal.ReadAt), proposal.CoachTheCoach.Name)
            : Outcome(proposal, texts, language)) { Wrap = true, Weight = voting ? null : TextWeight.Bolder });
        foreach (var slot in proposal.Slots)
        {
            var label = Label(slot, proposal, texts, language);
            var tally = slot.VoterIds.Count == 0 ? texts.NobodyYet : $"✓ {proposal.Voters(slot)}";
            CardElement choice = voting
                ? new ToggleInput { Id = InputId(slot.Id), Title = label, Value = slot.VoterIds.Contains(viewerId) ? On : Off, ValueOn = On, ValueOff = Off, Wrap = true }
                : new TextBlock(label) { Wrap = true, Weight = slot.Id == proposal.ChosenSlotId ? TextWeight.Bolder : null };
            body.Add(new Container
            {
                Spacing = Spacing.Medium,
                Items = [choice, new TextBlock(tally) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None }],
            });
        }
        body.Add(new TextBlock(texts.VotedCount(proposal.Participants.Count(p => p.Voted), proposal.Participants.Count)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Medium });
        if (voting && proposal.Participants.Any(p => p.Id == viewerId && p.Voted))
        {
            body.Add(new TextBlock(texts.YouVoted) { Wrap = true, Color = TextColor.Good, Size = TextSize.Small });
        }
        var userIds = proposal.Participants.Select(p => p.TeamsUserId).OfType<string>().Take(MaxRefreshUsers).ToList();
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body = body,
            Actions = voting ? [new ExecuteAction(texts.Vote, IntervisionVerbs.Vote, new VoteData(proposal.Id)) { Style = ActionStyle.Positive }] : null,
            Refresh = new CardRefresh(new ExecuteAction(null, IntervisionVerbs.Refresh, new VoteData(proposal.Id)), userIds),
        };
    }

    /// <summary>"di 15/12, 14:00–15:30", with "zonder Diego" when one participant is not free then.</summary>
    public static string Label(SlotView slot, ProposalView proposal, IntervisionTexts texts, Language language)
    {
        var text = SlotText(slot.StartsAt, slot.EndsAt, proposal.Zone, language);
        return slot.MissingName is { } missing ? $"{text} ({texts.Without(missing)})" : text;
    }

    public static string SlotText(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, Language language)
    {
        var culture = language.Culture();
        var from = TimeZoneInfo.ConvertTime(start, zone);
        var to = TimeZoneInfo.ConvertTime(end, zone);
        return $"{from.ToString("ddd d/M, HH:mm", culture)}–{to.ToString("HH:mm", culture)}";
    }

    /// <summary>"maandag 16 maart, 14:00–15:30", where the time is what people act on.</summary>
    public static string When(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, Language language, DateTimeOffset now) =>
        $"{Formats.DayAndTime(start, zone, language, now)}–{TimeZoneInfo.ConvertTime(end, zone).ToString("HH:mm", language.Culture())}";

    private static string Outcome(ProposalView proposal, IntervisionTexts texts, Language language) => proposal.State switch
    {
        ProposalState.Booked when proposal is { StartsAt: { } start, EndsAt: { } end } => texts.BookedOn(When(start, end, proposal.Zone, language, proposal.ReadAt)),
        ProposalState.Cancelled => texts.CancelledNote,
        _ => texts.ClosedAwaiting(proposal.CoachTheCoach.Name),
    };
}
