namespace CommunityBot.Communities.Roles;

public static class CommunityVerbs
{
    public const string ShowRoles = "community.roles";
    public const string ChangeRole = "community.role";
    public const string HandOver = "community.handover";
    public const string ShowEdit = "community.edit";
    public const string SaveSheet = "community.save";
}

/// <summary>Card data of every community button: which community. The actor comes from the activity, the choices from the inputs.</summary>
public sealed record CommunityCardData(long CommunityId);
