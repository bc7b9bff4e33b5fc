using CommunityBot.Communities;
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
    TeamCommunities teams,
    IEnumerable<ITurnActorOverride> actorOverrides,
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
        state.RealPerson = await people.FindOrCreateAsync(turn, cancellationToken);
        state.Person = await ActorAsync(state.RealPerson, cancellationToken);
        state.Language = PersonDirectory.LanguageFor(state.RealPerson, activity);
        if (state.IsActingAsSomeoneElse)
        {
            turn.OnSending = reply => MarkActingAs(reply);
        }

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
        MarkActingAs(Localize(await cardActions.RouteAsync(action, cancellationToken))).ToInvokeResponse();

    private async Task<Person?> ActorAsync(Person? sender, CancellationToken cancellationToken)
    {
        foreach (var actorOverride in actorOverrides)
        {
            if (sender is not null && await actorOverride.ActorForAsync(sender, cancellationToken) is { } actor)
            {
                return actor;
            }
        }
        return sender;
    }

    /// <summary>While acting as someone else every answer names them, so a demo never confuses who did what.</summary>
    private string ActingAsNote() => string.Format(BotTexts.All.For(state.Language).ActingAs, state.Person?.DisplayName ?? state.Person?.Id.ToString());

    private void MarkActingAs(Activity reply)
    {
        reply.Text = string.IsNullOrEmpty(reply.Text) ? ActingAsNote() : $"{ActingAsNote()} {reply.Text}";
    }

    private CardActionResult MarkActingAs(CardActionResult result)
    {
        if (!state.IsActingAsSomeoneElse)
        {
            return result;
        }
        if (result.Card is { } card)
        {
            card.Body.Insert(0, new TextBlock(ActingAsNote()) { IsSubtle = true, Size = TextSize.Small, Wrap = true });
            return result;
        }
        return result.Kind == CardActionResultKind.Refuse
            ? CardActionResult.Refuse($"{ActingAsNote()} {result.Text}")
            : CardActionResult.Message($"{ActingAsNote()} {result.Text}");
    }

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
            await turn.ReplyTextAsync(text, cancellationToken);
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
