using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

/// <summary>The coach-the-coach's card when the vote closes: the tally per slot, the best one selected, confirm or pick another.</summary>
public static class ConfirmCard
{
    public const string SlotInputId = "slot";

    public static AdaptiveCard Build(ProposalView proposal, Language language)
    {
        var texts = IntervisionTexts.All.For(language);
        var title = texts.ConfirmTitle(proposal.GroupName);
        var facts = proposal.Slots.Select(s => new CardFact(VoteCard.Label(s, proposal, texts, language),
            s.VoterIds.Count == 0 ? texts.Votes(0) : $"{texts.Votes(s.VoterIds.Count)}: {proposal.Voters(s)}")).ToList();
        var selected = proposal.Chosen ?? proposal.Best;
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                new TextBlock(proposal.AllVoted ? texts.ConfirmAllVoted : texts.ConfirmDeadlinePassed) { Wrap = true },
                new FactSet { Facts = facts },
                new ChoiceSetInput
                {
                    Id = SlotInputId,
                    Label = texts.PickLabel,
                    Style = ChoiceInputStyle.Compact,
                    IsRequired = true,
                    ErrorMessage = texts.PickLabel,
                    Choices = [.. proposal.Slots.Select(s => new Choice(VoteCard.Label(s, proposal, texts, language), Id(s.Id)))],
                    Value = Id(selected.Id),
                },
            ],
            Actions = [new ExecuteAction(texts.Confirm, IntervisionVerbs.Confirm, new ConfirmData(proposal.Id)) { Style = ActionStyle.Positive }],
        };
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
