using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

/// <summary>
/// First in the turn pipeline: an activity Teams delivers again has no second effect; a redelivered invoke gets the
/// answer the first delivery got. A turn that fails gives up its claim, so Teams' retry is handled afresh.
/// </summary>
internal sealed class DeduplicationMiddleware(ActivityDeduplicator deduplicator, ILogger<DeduplicationMiddleware> logger) : ITurnMiddleware
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        var claim = await deduplicator.ClaimAsync(turn.Activity, cancellationToken);
        if (claim.IsDuplicate)
        {
            BotLog.Duplicate(logger, turn.Activity.Type, turn.Activity.Id ?? "");
            return turn.Activity.Type == ActivityTypes.Invoke ? claim.PreviousResponse ?? InvokeResponse.Empty() : null;
        }
        try
        {
            var response = await next(turn, cancellationToken);
            await deduplicator.CompleteAsync(claim, response, cancellationToken);
            return response;
        }
        catch
        {
            await deduplicator.ReleaseAsync(claim);
            throw;
        }
    }
}
