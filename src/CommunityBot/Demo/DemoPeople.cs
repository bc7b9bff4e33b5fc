namespace CommunityBot.Demo;

/// <summary>The people of the Agents Playground (its fixed users), so the demo community is made of them.</summary>
public static class DemoPeople
{
    public sealed record DemoPerson(string TeamsUserId, string AadObjectId, string Name)
    {
        public string Email => $"{Name.Replace(' ', '.').ToLowerInvariant()}@demo.school";
    }

    public static IReadOnlyList<DemoPerson> All { get; } =
    [
        new("user-id-0", "00000000-0000-0000-0000-0000000000020", "Alex Wilber"),
        new("user-id-1", "00000000-0000-0000-0000-0000000000021", "Megan Bowen"),
        new("user-id-2", "00000000-0000-0000-0000-0000000000022", "Adele Vance"),
        new("user-id-3", "00000000-0000-0000-0000-0000000000023", "Isaiah Langer"),
        new("user-id-4", "00000000-0000-0000-0000-0000000000024", "Patti Fernandez"),
        new("user-id-5", "00000000-0000-0000-0000-0000000000025", "Lynne Robbins"),
    ];
}
