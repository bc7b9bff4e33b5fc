namespace CommunityBot.Communities.Participation;

public static class ParticipationVerbs
{
    /// <summary>"Leave community" on the sheet: shows what leaving means, before anything happens.</summary>
    public const string ShowLeave = "community.leave";

    public const string ConfirmLeave = "community.leave.confirm";
}
