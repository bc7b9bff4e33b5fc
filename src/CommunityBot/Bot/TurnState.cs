using CommunityBot.Localization;
using CommunityBot.People;

namespace CommunityBot.Bot;

/// <summary>Who is acting in the current turn and in which language to answer. Filled once per request.</summary>
public sealed class TurnState
{
    /// <summary>The actor every feature authorises: the sender, or in Development the person they act as.</summary>
    public Person? Person { get; set; }

    /// <summary>The sender of the activity, whoever they act as. Conversations and the language belong to them.</summary>
    public Person? RealPerson { get; set; }

    public Language Language { get; set; } = Language.Dutch;

    /// <summary>True while a developer acts as someone else (Development only); every answer then says so.</summary>
    public bool IsActingAsSomeoneElse => Person is not null && RealPerson is not null && Person.Id != RealPerson.Id;

    public Person RequirePerson() => Person ?? throw new InvalidOperationException("This turn has no person.");

    public Person RequireRealPerson() => RealPerson ?? RequirePerson();
}
