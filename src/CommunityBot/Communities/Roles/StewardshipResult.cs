namespace CommunityBot.Communities.Roles;

public enum StewardshipOutcome
{
    Changed,
    Unchanged,
    NotAllowed,

    /// <summary>The person is not (or no longer) in the community, or cannot take this role.</summary>
    UnknownPerson,

    /// <summary>The change would leave the community without a process coach.</summary>
    LastCoach,

    /// <summary>Only a process coach of the community hands over.</summary>
    NotTheCoach,
}

/// <summary>What a role, hand-over or sheet change did; <see cref="Changed"/> names what changed, for the card's notice.</summary>
public sealed record StewardshipResult(StewardshipOutcome Outcome, IReadOnlyList<CommunityChangeKind>? Changed = null);
