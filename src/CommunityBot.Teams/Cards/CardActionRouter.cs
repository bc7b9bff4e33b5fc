using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Cards;

/// <summary>Finds the handler for a verb and runs it within the invoke budget. Knows nothing about the product.</summary>
public sealed class CardActionRouter
{
    private readonly Dictionary<string, ICardActionHandler> handlers;
    private readonly TimeProvider time;
    private readonly TimeSpan budget;

    public CardActionRouter(IEnumerable<ICardActionHandler> handlers, TimeProvider time, IOptions<CardActionOptions> options)
    {
        var all = handlers.ToList();
        if (DuplicateVerbs(all) is { Count: > 0 } duplicates)
        {
            throw new InvalidOperationException(DuplicateVerbsMessage(duplicates));
        }

        this.handlers = all.ToDictionary(h => h.Verb, StringComparer.Ordinal);
        this.time = time;
        this.budget = options.Value.Budget;
    }

    /// <summary>Every registered verb with the shape of its data, e.g. for tests that must cover verbs added later.</summary>
    public IReadOnlyDictionary<string, Type> Verbs => this.handlers.ToDictionary(h => h.Key, h => h.Value.DataType, StringComparer.Ordinal);

    public async Task<CardActionResult> RouteAsync(CardActionContext context, CancellationToken ct)
    {
        if (context.IsMalformed)
        {
            return CardActionResult.MalformedData;
        }
        if (!this.handlers.TryGetValue(context.Verb, out var handler))
        {
            return CardActionResult.UnknownVerb;
        }
        // A forged or stale payload is the sender's error: the feature never sees it, so nothing can change.
        if (!CardActionData.TryRead(context.Data, handler.DataType, out var data))
        {
            return CardActionResult.MalformedData;
        }

        using var budget = new CancellationTokenSource(this.budget, this.time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            // The handler is awaited to the end, never abandoned: one that ignores its token would otherwise keep using
            // the request's services (its DbContext) while the host answers, and might save after "try again" was shown.
            return await handler.HandleAsync(context, data, linked.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return CardActionResult.TimedOut;
        }
    }

    internal static IReadOnlyList<string> DuplicateVerbs(IEnumerable<ICardActionHandler> handlers) =>
        handlers.GroupBy(h => h.Verb, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

    internal static string DuplicateVerbsMessage(IEnumerable<string> verbs) =>
        $"More than one card action handler is registered for: {string.Join(", ", verbs)}.";
}
