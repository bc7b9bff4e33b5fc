using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>The card an Action.Execute button was pressed on: the invoke's answer redraws it in place for the presser.</summary>
public sealed record PressedCard(string ConversationId, string ActivityId)
{
    /// <summary>Null for Action.Submit, which is answered by a message, not by redrawing the card.</summary>
    public static PressedCard? Of(CardActionContext context) =>
        context.Kind == CardActionKind.Execute && context.Activity is { ReplyToId: { } activityId, Conversation.Id: { } conversationId }
            ? new PressedCard(conversationId, activityId)
            : null;
}
