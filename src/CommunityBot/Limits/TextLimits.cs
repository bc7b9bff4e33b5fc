using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Limits;

/// <summary>
/// The longest texts people type that the bot stores, in characters (UTF-16 code units; white space around a text does
/// not count, it is not stored). Card fields carry these as <c>maxLength</c>, so Teams stops the typing there; a longer
/// value (an older client, a forged card, a typed message) is refused with an answer that says the limit, and nothing
/// changes. Names that come from Teams cannot be refused: they are cut (<see cref="Teams.Schema.MaxLengths.Cut"/>),
/// people's names at <see cref="Teams.Schema.MaxLengths.DisplayName"/>, team names at <see cref="TeamName"/>.
/// </summary>
public static class TextLimits
{
    public const int AgreementText = 500;

    /// <summary>A comment with an answer to an agreement (help, won't make it), a help reply, a coach's reason to drop one.</summary>
    public const int Comment = 500;

    public const int RegretReason = 500;

    public const int PauseReason = 300;

    public const int Theme = 500;

    public const int Goals = 2000;

    public const int SessionLocation = 300;

    public const int SessionLink = 1000;

    public const int CheckInComment = 1000;

    /// <summary>A community's name, taken from its team's name in Teams (cut) or an import (refused with the line).</summary>
    public const int TeamName = 200;

    /// <summary>
    /// Null when <paramref name="typed"/> fits in <paramref name="limit"/>; otherwise the answer to the card press, a
    /// message beside the card, which Teams leaves as it was with what was typed still in its field.
    /// </summary>
    public static CardActionResult? RefuseOnCard(string? typed, int limit, Func<LimitTexts, string> field, Language language) =>
        Length(typed) is var length && length <= limit
            ? null
            : CardActionResult.Refuse(LimitTexts.All.For(language).TooLong(field, limit, length, language, onCard: true));

    public static int Length(string? typed) => typed?.Trim().Length ?? 0;
}
