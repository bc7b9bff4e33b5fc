namespace CommunityBot.Admin;

/// <summary>
/// The authorization policies of the admin surface. <see cref="Name"/>: a signed-in tenant admin (delivery admin, the
/// check-in instrument, automation keys). <see cref="Import"/>: that, or a tenant's automation key. <see cref="Dashboard"/>:
/// an admin of the hosting tenant. In Development each also admits a caller on this machine that sends no credentials.
/// </summary>
public static class AdminPolicy
{
    public const string Name = "admin";
    public const string Import = "admin-import";
    public const string Dashboard = "admin-dashboard";
}
