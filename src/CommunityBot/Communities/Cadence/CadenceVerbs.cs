namespace CommunityBot.Communities.Cadence;

public static class CadenceVerbs
{
    /// <summary>Opens the cadence card for <c>{communityId}</c> (from the sheet), or saves it.</summary>
    public const string Change = "community.cadence";
}
