namespace CommunityBot.Communities.Participation;

public enum ParticipationOutcome
{
    Done,
    NotAMember,
    NotPaused,
    DateInPast,

    /// <summary>The last process coach cannot leave.</summary>
    LastCoach,
}

/// <summary>What pause, back or leave did, with the names of the communities it touched (for the member's answer).</summary>
public sealed record ParticipationResult(ParticipationOutcome Outcome, IReadOnlyList<Community> Communities);
