using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Hosting;

/// <summary>One incoming activity and the means to answer it in the same conversation.</summary>
public sealed class TurnContext(Activity activity, ConnectorClient connector)
{
    /// <summary>What every reply and update of this turn goes through before it is sent; see <see cref="WithOutgoing"/>.</summary>
    private Action<Activity> outgoing = _ => { };

    public Activity Activity { get; } = activity;

    public ConnectorClient Connector { get; } = connector;

    /// <summary>
    /// The same turn, but every reply and update sent through it is first passed to <paramref name="change"/> (after
    /// this turn's own changes). A middleware hands it to the rest of the pipeline, e.g. to mark who the bot answers as.
    /// </summary>
    public TurnContext WithOutgoing(Action<Activity> change)
    {
        var outer = outgoing;
        return new TurnContext(Activity, Connector) { outgoing = activity => { outer(activity); change(activity); } };
    }

    private string ServiceUrl => Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");

    private string ConversationId => Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");

    /// <summary>Answers in the conversation the activity came from (in a channel thread, in that thread).</summary>
    public Task<ConnectorResult<ResourceResponse>> ReplyAsync(Activity reply, CancellationToken cancellationToken)
    {
        reply.From ??= Activity.Recipient;
        reply.Recipient ??= Activity.From;
        reply.Conversation ??= Activity.Conversation;
        reply.ReplyToId ??= Activity.Id;
        outgoing(reply);
        return Connector.SendToConversationAsync(ServiceUrl, ConversationId, reply, cancellationToken);
    }

    public Task<ConnectorResult<ResourceResponse>> ReplyTextAsync(string text, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.CreateMessage(text), cancellationToken);

    /// <summary>A card as the answer; its fallback text is the notification summary.</summary>
    public Task<ConnectorResult<ResourceResponse>> ReplyCardAsync(AdaptiveCard card, CancellationToken cancellationToken) =>
        ReplyAsync(Activity.CreateCard(card.ToAttachment(), card.FallbackText), cancellationToken);

    /// <summary>
    /// The roster of the team the activity happened in, with e-mail/UPN and Entra object ids, all pages; asked at the
    /// turn's own service URL. Rejected without a call when the activity is not from a team.
    /// </summary>
    public Task<ConnectorResult<IReadOnlyList<ChannelAccount>>> GetTeamMembersAsync(int? pageSize, CancellationToken cancellationToken) =>
        Activity.TeamId is { } teamId
            ? Connector.GetAllMembersAsync(ServiceUrl, teamId, pageSize, cancellationToken)
            : Task.FromResult(new ConnectorResult<IReadOnlyList<ChannelAccount>> { Outcome = ConnectorOutcome.Rejected, Error = "not in a team" });

    /// <summary>One member of this conversation with the e-mail/UPN that activities do not carry.</summary>
    public Task<ConnectorResult<ChannelAccount>> GetMemberAsync(string memberId, CancellationToken cancellationToken) =>
        Connector.GetMemberAsync(ServiceUrl, ConversationId, memberId, cancellationToken);

    /// <summary>Replaces an earlier message of the bot in this conversation, e.g. a card after an Action.Submit.</summary>
    public Task<ConnectorResult<ResourceResponse>> UpdateAsync(string activityId, Activity replacement, CancellationToken cancellationToken)
    {
        replacement.Id = activityId;
        replacement.Conversation ??= Activity.Conversation;
        outgoing(replacement);
        return Connector.UpdateActivityAsync(ServiceUrl, ConversationId, activityId, replacement, cancellationToken);
    }
}
