namespace CommunityBot.CheckIns;

public enum CheckInOutcome
{
    Saved,

    /// <summary>No such round, or one that belongs to another community than the card says: a forged or broken card.</summary>
    Unknown,

    /// <summary>The person is not an active member (role Member, not paused) of the round's community.</summary>
    NotAMember,
    Closed,

    /// <summary>An unknown item, a missing one, a value off the scale or a comment too long.</summary>
    Invalid,
}

/// <summary>What answering did; <see cref="Own"/> is the member's own view after saving.</summary>
public sealed record CheckInAnswerResult(CheckInOutcome Outcome, OwnCheckIns? Own = null);
