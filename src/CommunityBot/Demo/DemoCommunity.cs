using CommunityBot.Communities.Cadence;

namespace CommunityBot.Demo;

/// <summary>Well-known facts of the seeded demo community, so other features (agreements) can add to the same seed.</summary>
public static class DemoCommunity
{
    public const string Name = "Wiskunde eerste graad";

    /// <summary>The Agents Playground's team ("My Team"); installing the app there links the channel.</summary>
    public const string TeamId = "team-id";

    public const string CoachTeamsUserId = "user-id-0";
    public const string LeaderTeamsUserId = "user-id-5";
    public static readonly IReadOnlyList<string> TeacherTeamsUserIds = ["user-id-1", "user-id-2", "user-id-3", "user-id-4"];

    /// <summary>The next session starts this many days after the first start, at 15:30 in Brussels (moved off weekends).</summary>
    public const int NextSessionInDays = 10;

    /// <summary>
    /// The session after the next one, where carried-over agreements go: one rhythm later (the seeded community keeps
    /// the default, every six weeks), so planning it by hand would not have warned.
    /// </summary>
    public const int FollowingSessionInDays = NextSessionInDays + CadenceNorm.DefaultWeeks * 7;

    public static readonly TimeOnly SessionStart = new(15, 30);
}

/// <summary>The ids the demo seed created, for seed contributors of other features.</summary>
public sealed record DemoCommunitySeed(
    string TenantId,
    long CommunityId,
    long CoachId,
    IReadOnlyList<long> TeacherIds,
    long LeaderId,
    IReadOnlyList<long> PastSessionIds,
    long NextSessionId);

/// <summary>
/// Adds a feature's demo data (e.g. agreements) to the freshly seeded demo community, in the same start-up.
/// Register with <c>services.AddDemoSeedContributor&lt;T&gt;()</c>; runs only when the seed itself runs.
/// </summary>
public interface IDemoSeedContributor
{
    Task SeedAsync(DemoCommunitySeed seed, CancellationToken cancellationToken);
}
