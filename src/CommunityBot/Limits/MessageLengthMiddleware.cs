using CommunityBot.Bot;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using Microsoft.Extensions.Options;

namespace CommunityBot.Limits;

/// <summary>
/// A message text over <see cref="LimitsOptions.MessageTextLength"/> ends the turn with a polite answer before any
/// command parsing or normalising sees it, so no feature ever works through megabytes of text. Runs after person
/// resolution, which gives the language to answer in.
/// </summary>
internal sealed class MessageLengthMiddleware(TurnState state, IOptions<LimitsOptions> options, ILogger<MessageLengthMiddleware> logger) : ITurnMiddleware
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        var limit = options.Value.MessageTextLength;
        if (turn.Activity is { Type: ActivityTypes.Message, Text.Length: var length } && length > limit)
        {
            LimitsLog.MessageTooLong(logger, length, limit);
            await turn.ReplyTextAsync(LimitTexts.All.For(state.Language).MessageTooLong(limit, state.Language), cancellationToken);
            return null;
        }
        return await next(turn, cancellationToken);
    }
}
