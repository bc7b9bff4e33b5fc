using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

/// <summary>Everyone's confirmation: when, who, and "Deelnemen" / "Join" to the Teams meeting.</summary>
public static class BookedCard
{
    public const string DateInputId = "date";
    public const string TimeInputId = "time";

    /// <param name="viewerId">The coach-the-coach's own copy gets "Verplaatsen" and "Annuleren".</param>
    public static AdaptiveCard Build(ProposalView proposal, Language language, string? note = null, long? viewerId = null)
    {
        var texts = IntervisionTexts.All.For(language);
        var title = texts.BookedTitle(proposal.GroupName);
        var when = VoteCard.When(proposal.StartsAt!.Value, proposal.EndsAt!.Value, proposal.Zone, language, proposal.ReadAt);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(when) { Size = TextSize.Large, Wrap = true },
            new TextBlock(string.Join(", ", proposal.Participants.Select(p => p.Name))) { Wrap = true, IsSubtle = true },
            new TextBlock(IsWebLink(proposal.JoinUrl) ? texts.BookedInvite : texts.NoJoinUrl) { Wrap = true },
        ];
        if (note is not null)
        {
            body.Insert(1, new TextBlock(note) { Wrap = true, Weight = TextWeight.Bolder });
        }
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = $"{title}: {when}",
            Body = body,
            Actions = [.. JoinAction(proposal, texts), .. ChangeActions(proposal, texts, viewerId)],
        };
    }

    private static IEnumerable<CardAction> JoinAction(ProposalView proposal, IntervisionTexts texts)
    {
        if (IsWebLink(proposal.JoinUrl))
        {
            yield return new OpenUrlAction(texts.Join, proposal.JoinUrl!) { Style = ActionStyle.Positive };
        }
    }

    private static IEnumerable<CardAction> ChangeActions(ProposalView proposal, IntervisionTexts texts, long? viewerId)
    {
        if (viewerId != proposal.CoachTheCoachId || proposal.State != ProposalState.Booked)
        {
            yield break;
        }
        var local = TimeZoneInfo.ConvertTime(proposal.StartsAt!.Value, proposal.Zone);
        var move = new AdaptiveCard
        {
            Schema = null,
            Body =
            [
                new DateInput { Id = DateInputId, Label = texts.MoveDateLabel, IsRequired = true, ErrorMessage = texts.MoveInvalid, Value = DateInput.Format(DateOnly.FromDateTime(local.DateTime)) },
                new TimeInput { Id = TimeInputId, Label = texts.MoveTimeLabel, IsRequired = true, ErrorMessage = texts.MoveInvalid, Value = TimeInput.Format(TimeOnly.FromDateTime(local.DateTime)) },
            ],
            Actions = [new ExecuteAction(texts.MoveConfirm, IntervisionVerbs.Move, new ChangeData(proposal.Id)) { Style = ActionStyle.Positive }],
        };
        var cancel = new AdaptiveCard
        {
            Schema = null,
            Body = [new TextBlock(texts.CancelQuestion) { Wrap = true }],
            Actions = [new ExecuteAction(texts.CancelConfirm, IntervisionVerbs.Cancel, new ChangeData(proposal.Id)) { Style = ActionStyle.Destructive, AssociatedInputs = AssociatedInputs.None }],
        };
        yield return new ShowCardAction(texts.Move, move);
        yield return new ShowCardAction(texts.Cancel, cancel);
    }

    /// <summary>Only an absolute https (or, for the local stand-in, http) link becomes a button; anything else Graph might return does not.</summary>
    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
