using CommunityBot.People;

namespace CommunityBot.Bot;

/// <summary>
/// Lets the sender of an activity act as someone else for the turn. Only the Development-only <c>act as</c> command
/// registers one; without it the sender is always the actor.
/// </summary>
public interface ITurnActorOverride
{
    Task<Person?> ActorForAsync(Person sender, CancellationToken cancellationToken);
}
