using CommunityBot.Localization;
using CommunityBot.People;

namespace CommunityBot.Bot;

/// <summary>Who is acting in the current turn and in which language to answer. Filled once per request.</summary>
public sealed class TurnState
{
    public Person? Person { get; set; }

    public Language Language { get; set; } = Language.Dutch;

    public Person RequirePerson() => Person ?? throw new InvalidOperationException("This turn has no person.");
}
