namespace CommunityBot.Communities.Roles;

/// <summary>The value a role change's history row carries when the person left instead of taking another role.</summary>
public static class RoleValues
{
    public const string Left = "Left";
}
