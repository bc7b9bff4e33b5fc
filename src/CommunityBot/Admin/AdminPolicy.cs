namespace CommunityBot.Admin;

/// <summary>The one authorization policy of every admin surface: the import, the delivery admin view and the Hangfire dashboard.</summary>
public static class AdminPolicy
{
    public const string Name = "admin";
}
