using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// Every verb with its handler and the shape of its data, read once per process: a press then builds only the handler
/// of its own verb, not every handler with everything each one needs.
/// </summary>
public sealed class CardActionCatalog
{
    private readonly Dictionary<string, CardActionEntry> entries;

    private CardActionCatalog(IReadOnlyCollection<(ICardActionHandler Handler, Func<IServiceProvider, ICardActionHandler> Make)> handlers)
    {
        if (DuplicateVerbs(handlers.Select(h => h.Handler)) is { Count: > 0 } duplicates)
        {
            throw new DuplicateVerbsException(duplicates);
        }
        entries = handlers.ToDictionary(h => h.Handler.Verb, h => new CardActionEntry(h.Handler.DataType, h.Make), StringComparer.Ordinal);
    }

    /// <summary>The handlers registered with <see cref="CardActionServiceCollectionExtensions.AddCardActionHandler{THandler}"/>, each resolved by its type per press.</summary>
    public static CardActionCatalog Read(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        return new([.. scope.ServiceProvider.GetServices<ICardActionHandler>()
            .Select(h => (h, (Func<IServiceProvider, ICardActionHandler>)(services => (ICardActionHandler)services.GetRequiredService(h.GetType()))))]);
    }

    /// <summary>Fixed handler instances, as a test wires them.</summary>
    public static CardActionCatalog Of(IEnumerable<ICardActionHandler> handlers) =>
        new([.. handlers.Select(h => (h, (Func<IServiceProvider, ICardActionHandler>)(_ => h)))]);

    /// <summary>Every registered verb with the shape of its data, e.g. for tests that must cover verbs added later.</summary>
    public IReadOnlyDictionary<string, Type> Verbs => entries.ToDictionary(e => e.Key, e => e.Value.Data, StringComparer.Ordinal);

    /// <summary>The verb's data shape and how to build its handler; null for a verb nobody handles.</summary>
    internal CardActionEntry? Find(string verb) => entries.GetValueOrDefault(verb);

    private static List<string> DuplicateVerbs(IEnumerable<ICardActionHandler> handlers) =>
        [.. handlers.GroupBy(h => h.Verb, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)];
}

/// <summary>Two handlers claim one verb: a wiring mistake, refused when the catalog is read.</summary>
public sealed class DuplicateVerbsException(IEnumerable<string> verbs)
    : InvalidOperationException($"More than one card action handler is registered for: {string.Join(", ", verbs)}.");

/// <param name="Handler">Builds the handler from the press's own services.</param>
internal sealed record CardActionEntry(Type Data, Func<IServiceProvider, ICardActionHandler> Handler);
