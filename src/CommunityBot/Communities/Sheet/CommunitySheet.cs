using CommunityBot.Agreements;
using CommunityBot.Sessions;

namespace CommunityBot.Communities.Sheet;

/// <summary>What the sheet shows of one community: the people in it now, its next planned session (its cadence norm is on the community).</summary>
public sealed record CommunitySheet(Community Community, IReadOnlyList<CommunityPerson> People, Session? NextSession)
{
    /// <summary>The buttons for the viewer; none in a channel, where everyone sees the card.</summary>
    public SheetActions Actions { get; init; }

    /// <summary>Who pauses now; filled only for a coach's own copy (a pause is between the member and the coach).</summary>
    public IReadOnlyList<PausedPerson> Paused { get; init; } = [];
}

[Flags]
public enum SheetActions
{
    None = 0,

    /// <summary>The viewer runs the community: roles, the sheet and its rhythm can be changed.</summary>
    Manage = 1,

    /// <summary>The viewer is in the community and may leave it.</summary>
    Leave = 2,
}

/// <summary>A paused member as the coach's sheet shows them; <see cref="LastDay"/> null: until they say "back".</summary>
public sealed record PausedPerson(string Name, DateOnly? LastDay);
