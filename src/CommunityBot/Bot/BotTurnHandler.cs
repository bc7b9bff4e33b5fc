using CommunityBot.Bot.Understanding;
using CommunityBot.Communities;
using CommunityBot.Conversations;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

/// <summary>
/// The end of the turn pipeline (deduplicated, the person and language resolved by middleware): hands the activity to
/// installation, a typed command, or a card action.
/// </summary>
public sealed class BotTurnHandler(
    TurnState state,
    InstallationHandler installations,
    TeamCommunities teams,
    CommandRouter commands,
    CardActionRouter cardActions,
    ILogger<BotTurnHandler> logger) : IActivityHandler
{
    public async Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (InstallationHandler.IsInstall(activity))
        {
            await installations.OnInstalledAsync(turn, cancellationToken);
            if (TeamCommunities.IsTeamInstall(activity))
            {
                await teams.OnInstalledAsync(turn, state.RealPerson, cancellationToken);
            }
            return null;
        }
        if (InstallationHandler.IsUninstall(activity))
        {
            await installations.OnUninstalledAsync(activity, cancellationToken);
            return null;
        }
        if (TeamCommunities.IsTeamMemberChange(activity))
        {
            await teams.OnMembersChangedAsync(turn, cancellationToken);
            return null;
        }
        if (CardActionContext.FromActivity(activity) is { } action)
        {
            return action.Kind == CardActionKind.Execute
                ? await ExecuteCardActionAsync(turn, action, cancellationToken)
                : await SubmitCardActionAsync(turn, action, cancellationToken);
        }
        switch (activity.Type)
        {
            case ActivityTypes.Invoke:
                return InvokeResponse.Error(501, "NotImplemented", "This invoke is not supported.");
            case ActivityTypes.Message:
                await commands.RouteAsync(turn, cancellationToken);
                return null;
            default:
                BotLog.Ignored(logger, activity.Type);
                return null;
        }
    }

    private async Task<InvokeResponse> ExecuteCardActionAsync(TurnContext turn, CardActionContext action, CancellationToken cancellationToken)
    {
        var result = await RouteAsync(turn, action, cancellationToken);
        if (result.Kind == CardActionResultKind.NewCard)
        {
            await turn.ReplyCardAsync(result.Card!, cancellationToken);
        }
        return result.ToInvokeResponse();
    }

    /// <summary>Clients without Universal Actions send Action.Submit: the card is then updated through the connector.</summary>
    private async Task<InvokeResponse?> SubmitCardActionAsync(TurnContext turn, CardActionContext action, CancellationToken cancellationToken)
    {
        var result = await RouteAsync(turn, action, cancellationToken);
        if (result.Kind == CardActionResultKind.NewCard)
        {
            await turn.ReplyCardAsync(result.Card!, cancellationToken);
        }
        else if (result.Card is { } card && turn.Activity.ReplyToId is { } cardActivityId)
        {
            await turn.UpdateAsync(cardActivityId, Activity.CreateCard(card.ToAttachment()), cancellationToken);
        }
        else if (result.Text is { } text)
        {
            await turn.ReplyTextAsync(text, cancellationToken);
        }
        return null;
    }

    /// <summary>A "did you mean" button runs a typed command, which needs the turn to reply in: the command router takes it.</summary>
    private async Task<CardActionResult> RouteAsync(TurnContext turn, CardActionContext action, CancellationToken cancellationToken) =>
        Localize(action, action.Verb == UnderstandingCards.ChooseVerb
            ? await commands.ChooseAsync(turn, action, cancellationToken)
            : await cardActions.RouteAsync(action, cancellationToken));

    /// <summary>The protocol layer reports unknown verbs, unreadable data and time-outs without words; the person gets them in their language.</summary>
    private CardActionResult Localize(CardActionContext action, CardActionResult result)
    {
        if (result.Kind == CardActionResultKind.MalformedData)
        {
            BotLog.MalformedCardAction(logger, action.Activity.Id ?? "");
        }
        var texts = BotTexts.All.For(state.Language);
        return result.Kind switch
        {
            CardActionResultKind.UnknownVerb => CardActionResult.Refuse(texts.UnknownAction),
            CardActionResultKind.MalformedData => CardActionResult.Refuse(texts.MalformedAction),
            CardActionResultKind.TimedOut => CardActionResult.Message(texts.ActionTimedOut),
            _ => result,
        };
    }
}
