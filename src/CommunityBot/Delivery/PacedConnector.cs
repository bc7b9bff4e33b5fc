using System.Net;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Delivery;

/// <summary>
/// Calls Teams at Teams' pace: waits for a throttle slot (or hands the row back when the slot is far away), makes the
/// call, and turns a failure into the <see cref="SendOutcome"/> that decides the row's next state.
/// </summary>
public sealed class PacedConnector(
    ConnectorClient connector, IConnectorTokenProvider tokens, DeliveryThrottle throttle, SharedTenantBudget budget, DeliveryPause pause, DispatcherState state, TimeProvider time)
{
    /// <summary>Longer throttle waits hand the row back instead of holding its lease and a parallel slot.</summary>
    private static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(5);

    /// <summary>Posts the activity, or replaces <paramref name="updateActivityId"/> with it.</summary>
    public async Task<PacedResult<ResourceResponse>> SendAsync(
        string tenantId, string serviceUrl, string conversationId, Activity activity, string? updateActivityId, CancellationToken ct)
    {
        var (later, left) = await WaitForSlotAsync(tenantId, conversationId, ct);
        if (later is not null)
        {
            return new(null, later);
        }
        var result = await AnsweredAsync(tenantId, left, updateActivityId is null
            ? connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct)
            : connector.UpdateActivityAsync(serviceUrl, conversationId, updateActivityId, activity, ct));
        if (result.IsSuccess)
        {
            return new(result.Value ?? new ResourceResponse(), null);
        }
        // A 404 on an update means the old activity is gone, not the recipient.
        if (updateActivityId is not null && result.Outcome == ConnectorOutcome.NotFound)
        {
            return new(null, new SendOutcome.Failed(Error(result)));
        }
        return new(null, await FailureAsync(result, tenantId, conversationId, ct));
    }

    public async Task<PacedResult<ConversationResourceResponse>> CreateConversationAsync(
        string tenantId, string serviceUrl, ConversationParameters parameters, string memberId, CancellationToken ct)
    {
        var (later, left) = await WaitForSlotAsync(tenantId, null, ct);
        if (later is not null)
        {
            return new(null, later);
        }
        var created = await AnsweredAsync(tenantId, left, connector.CreateConversationAsync(serviceUrl, parameters, ct));
        if (!created.IsSuccess)
        {
            return new(null, await FailureAsync(created, tenantId, $"create:{memberId}", ct));
        }
        return created.Value is { Id.Length: > 0 } response
            ? new(response, null)
            : new(null, new SendOutcome.Transient("Empty conversation id"));
    }

    /// <summary>Waits for the request's slot: null and the instant it leaves, or the outcome that sends the row back.</summary>
    private async Task<(SendOutcome? Later, DateTimeOffset Left)> WaitForSlotAsync(string tenantId, string? conversationId, CancellationToken ct)
    {
        await FetchTokenAsync(ct);
        // Requests sent side by side on a cold send path reach Teams bunched (see the throttle).
        while (throttle.WaitForFirstAnswer(time.GetUtcNow()) is { } askAgain)
        {
            await state.SleepUntilAsync(askAgain, ct);
        }
        var now = time.GetUtcNow();
        if (pause.PausedUntil(now) is { } paused)
        {
            return (new SendOutcome.Deferred(paused), now);
        }
        DateTimeOffset left;
        if (budget.IsShared)
        {
            (var later, left) = await WaitForSharedSlotAsync(tenantId, conversationId, ct);
            if (later is not null)
            {
                return (later, now);
            }
        }
        else
        {
            var slot = throttle.Reserve(tenantId, conversationId, now, MaxInlineWait);
            if (!slot.Reserved)
            {
                return (new SendOutcome.Deferred(slot.At), now);
            }
            left = slot.At;
            while (left > time.GetUtcNow())
            {
                await state.SleepUntilAsync(left, ct);
                left = throttle.Depart(tenantId, left, time.GetUtcNow());
            }
        }
        // Checked after the wait too: the credentials may have been rejected meanwhile, and each call would be another 401.
        return (pause.PausedUntil(time.GetUtcNow()) is { } until ? new SendOutcome.Deferred(until) : null, left);
    }

    /// <summary>Tells the pace when the call that left at <paramref name="left"/> was answered (<see cref="DeliveryThrottle.Answered"/>).</summary>
    private async Task<ConnectorResult<T>> AnsweredAsync<T>(string tenantId, DateTimeOffset left, Task<ConnectorResult<T>> call)
    {
        var result = await call;
        throttle.Answered(tenantId, left, time.GetUtcNow());
        return result;
    }

    /// <summary>
    /// The bot's token is fetched before the slot wait (then the call takes it from the cache): fetched after it, on the
    /// first send or when the token expired, every sender woken meanwhile would leave together when it arrived.
    /// </summary>
    private async Task FetchTokenAsync(CancellationToken ct)
    {
        try
        {
            await tokens.GetTokenAsync(ct);
        }
        catch (ConnectorTokenException)
        {
            // The call itself fails the same way and turns it into the row's outcome.
        }
    }

    /// <summary>
    /// The tenant's slot comes from the budget all instances share; the conversation's limits, kept here, are checked
    /// against that slot (its sends come from this instance only, see <see cref="OutboxSql.Claim"/>). A slot the
    /// conversation cannot use goes back, and one this sender woke too late for is dropped: both try the next. Returns
    /// the slot the request leaves at, so that its answer's round trip is counted from there, not from before the wait.
    /// </summary>
    private async Task<(SendOutcome? Later, DateTimeOffset Slot)> WaitForSharedSlotAsync(string tenantId, string? conversationId, CancellationToken ct)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var ready = throttle.ReadyAt(tenantId, conversationId, now);
            if (ready - now > MaxInlineWait)
            {
                return (new SendOutcome.Deferred(ready), now);
            }
            await state.SleepUntilAsync(ready, ct);
            var slot = await budget.TakeAsync(tenantId, MaxInlineWait, ct);
            if (!slot.Reserved)
            {
                return (new SendOutcome.Deferred(slot.At), now);
            }
            if (!throttle.TryReserveConversation(conversationId, slot.At))
            {
                budget.GiveBack(tenantId, slot.At);
                continue;
            }
            await state.SleepUntilAsync(slot.At, ct);
            if (!budget.Missed(slot.At))
            {
                return (null, slot.At);
            }
        }
    }

    /// <summary>With a shared budget, a tenant-wide 429 pauses every instance (<see cref="SharedTenantBudget.PauseAsync"/>).</summary>
    private async Task<SendOutcome> FailureAsync<T>(ConnectorResult<T> result, string tenantId, string conversationKey, CancellationToken ct)
    {
        var outcome = Failure(result, tenantId, conversationKey);
        if (outcome is SendOutcome.Throttled { TenantWide: true } throttled && budget.IsShared)
        {
            await budget.PauseAsync(tenantId, throttled.RetryAfter, ct);
        }
        return outcome;
    }

    /// <summary>
    /// 401, or a token the identity platform refuses for good, means our credentials are wrong: every message would
    /// fail alike, so delivery pauses. 409 is Teams' concurrency conflict and passes with a retry. Any other 4xx is
    /// this one request's fault: that message fails, the others go on.
    /// </summary>
    private SendOutcome Failure<T>(ConnectorResult<T> result, string tenantId, string conversationKey)
    {
        var error = Error(result);
        if (result.StatusCode == HttpStatusCode.Unauthorized || (result.Outcome == ConnectorOutcome.Rejected && result.StatusCode is null))
        {
            return new SendOutcome.CredentialsRejected(error);
        }
        switch (result.Outcome)
        {
            case ConnectorOutcome.Throttled:
                // Without a Retry-After Teams still wants us to slow down: one second is its documented minimum.
                var retryAfter = result.RetryAfter ?? TimeSpan.FromSeconds(1);
                var now = time.GetUtcNow();
                var tenantWide = throttle.RecordThrottle(tenantId, conversationKey, now, now + retryAfter);
                return new SendOutcome.Throttled(retryAfter, error, tenantWide);
            case ConnectorOutcome.Forbidden or ConnectorOutcome.NotFound:
                return new SendOutcome.Unreachable(error);
            case ConnectorOutcome.Transient:
                return new SendOutcome.Transient(error);
            case ConnectorOutcome.Rejected when result.StatusCode == HttpStatusCode.Conflict:
                return new SendOutcome.Transient(error);
            default:
                return new SendOutcome.Failed(error);
        }
    }

    private static string Error<T>(ConnectorResult<T> result)
    {
        var error = result.Error ?? $"HTTP {(int?)result.StatusCode}";
        return error.Length <= 128 ? error : error[..128];
    }
}
