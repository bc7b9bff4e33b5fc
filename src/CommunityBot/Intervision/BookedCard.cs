using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

/// <summary>Everyone's confirmation: when, who, and "Deelnemen" / "Join" to the Teams meeting.</summary>
public static class BookedCard
{
    public static AdaptiveCard Build(ProposalView proposal, Language language, string? note = null)
    {
        var texts = IntervisionTexts.All.For(language);
        var title = texts.BookedTitle(proposal.GroupName);
        var when = VoteCard.When(proposal.StartsAt!.Value, proposal.EndsAt!.Value, proposal.Zone, language);
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
            Actions = IsWebLink(proposal.JoinUrl) ? [new OpenUrlAction(texts.Join, proposal.JoinUrl!) { Style = ActionStyle.Positive }] : null,
        };
    }

    /// <summary>Only an absolute https (or, for the local stand-in, http) link becomes a button; anything else Graph might return does not.</summary>
    private static bool IsWebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
