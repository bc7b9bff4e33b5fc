using CommunityBot.Conversations;
using CommunityBot.People;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

/// <summary>
/// Every activity passes here once: deduplicated, the person and language resolved, then handed to
/// installation, a typed command, or a card action.
/// </summary>
public sealed class BotTurnHandler(
    ActivityDeduplicator deduplicator,
    PersonDirectory people,
    TurnState state,
    InstallationHandler installations,
    CommandRouter commands,
    CardActionRouter cardActions,
    ILogger<BotTurnHandler> logger) : IActivityHandler
{
    public async Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var claim = await deduplicator.ClaimAsync(turn.Activity, cancellationToken);
        if (claim.IsDuplicate)
        {
            BotLog.Duplicate(logger, turn.Activity.Type, turn.Activity.Id ?? "");
            return IsInvoke(turn.Activity) ? claim.PreviousResponse ?? InvokeResponse.Empty() : null;
        }
        try
        {
            var response = await DispatchAsync(turn, cancellationToken);
            await deduplicator.CompleteAsync(claim, response, cancellationToken);
            return response;
        }
        catch
        {
            await deduplicator.ReleaseAsync(claim);
            throw;
        }
    }

    private async Task<InvokeResponse?> DispatchAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        state.Person = await people.FindOrCreateAsync(activity, cancellationToken);
        state.Language = PersonDirectory.LanguageFor(state.Person, activity);

        if (InstallationHandler.IsInstall(activity))
        {
            await installations.OnInstalledAsync(turn, cancellationToken);
            return null;
        }
        if (InstallationHandler.IsUninstall(activity))
        {
            await installations.OnUninstalledAsync(activity, cancellationToken);
            return null;
        }
        if (CardActionContext.FromActivity(activity) is { } action)
        {
            return action.Kind == CardActionKind.Execute
                ? await ExecuteCardActionAsync(action, cancellationToken)
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

    private async Task<InvokeResponse> ExecuteCardActionAsync(CardActionContext action, CancellationToken cancellationToken) =>
        Localize(await cardActions.RouteAsync(action, cancellationToken)).ToInvokeResponse();

    /// <summary>Clients without Universal Actions send Action.Submit: the card is then updated through the connector.</summary>
    private async Task<InvokeResponse?> SubmitCardActionAsync(TurnContext turn, CardActionContext action, CancellationToken cancellationToken)
    {
        var result = Localize(await cardActions.RouteAsync(action, cancellationToken));
        if (result.Card is { } card && turn.Activity.ReplyToId is { } cardActivityId)
        {
            await turn.UpdateAsync(cardActivityId, Activity.CreateCard(card.ToAttachment()), cancellationToken);
        }
        else if (result.Text is { } text)
        {
            await turn.ReplyAsync(Activity.CreateMessage(text), cancellationToken);
        }
        return null;
    }

    /// <summary>The protocol layer reports unknown verbs and time-outs without words; the person gets them in their language.</summary>
    private CardActionResult Localize(CardActionResult result)
    {
        var texts = BotTexts.All.For(state.Language);
        return result.Kind switch
        {
            CardActionResultKind.UnknownVerb => CardActionResult.Refuse(texts.UnknownAction),
            CardActionResultKind.TimedOut => CardActionResult.Message(texts.ActionTimedOut),
            _ => result,
        };
    }

    private static bool IsInvoke(Activity activity) => activity.Type == ActivityTypes.Invoke;
}
