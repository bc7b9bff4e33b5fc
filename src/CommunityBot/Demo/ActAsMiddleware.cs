using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Bot;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Demo;

/// <summary>
/// After person resolution: while a developer acts as someone else (<c>act as</c>), that person is the turn's actor,
/// and every answer says so (replies, card updates and the invoke's card or message), so a demo never confuses who did what.
/// The mark goes inside the answer itself: a card gets a first line, a text a prefix. Text put beside a card would be
/// shown as a bubble of its own.
/// </summary>
internal sealed class ActAsMiddleware(Impersonations impersonations, AppDbContext db, TurnState state) : ITurnMiddleware
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        if (state.RealPerson is not { } sender
            || impersonations.ActorFor(sender.Id) is not { } actorId
            || await db.People.SingleOrDefaultAsync(p => p.Id == actorId && p.TenantId == sender.TenantId, cancellationToken) is not { } actor)
        {
            return await next(turn, cancellationToken);
        }
        state.Person = actor;
        var response = await next(turn.WithOutgoing(MarkReply), cancellationToken);
        return response is null ? null : Mark(response);
    }

    /// <summary>Read when the answer goes out: the turn may have switched the language.</summary>
    private string Note() => string.Format(BotTexts.All.For(state.Language).ActingAs, state.Person?.DisplayName ?? state.Person?.Id.ToString());

    private string Marked(string? text) => string.IsNullOrEmpty(text) ? Note() : $"{Note()} {text}";

    private void MarkReply(Activity reply)
    {
        var cards = (reply.Attachments ?? []).Where(a => a.ContentType == AdaptiveCard.ContentType && a.Content is not null).ToList();
        if (cards.Count == 0)
        {
            reply.Text = Marked(reply.Text);
            return;
        }
        foreach (var attachment in cards)
        {
            attachment.Content = MarkCard(attachment.Content!.Value) ?? attachment.Content;
        }
    }

    private InvokeResponse Mark(InvokeResponse response)
    {
        if (response.Type == InvokeResponse.MessageType && response.Value is { } message)
        {
            return InvokeResponse.Message(Marked(message.GetString()));
        }
        if (response.Type == InvokeResponse.CardType && response.Value is { } value && MarkCard(value) is { } marked)
        {
            return new InvokeResponse { StatusCode = response.StatusCode, Type = response.Type, Value = marked };
        }
        return response;
    }

    /// <summary>The card with the note as its first line, or null when it has no body to put it in.</summary>
    private JsonElement? MarkCard(JsonElement value)
    {
        if (JsonNode.Parse(value.GetRawText()) is not JsonObject card || card["body"] is not JsonArray body)
        {
            return null;
        }
        CardElement note = new TextBlock(Note()) { IsSubtle = true, Size = TextSize.Small, Wrap = true };
        body.Insert(0, JsonSerializer.SerializeToNode(note, TeamsJson.Options));
        return TeamsJson.ToElement(card);
    }
}
