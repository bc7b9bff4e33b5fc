namespace CommunityBot.Localization;

/// <summary>
/// A set of texts in both languages. Each feature declares its texts as a record with required members,
/// so a text missing in one language is a compile error rather than a blank on a card.
/// </summary>
public sealed class Localized<T>(T dutch, T english)
{
    public T For(Language language) => language == Language.English ? english : dutch;
}
