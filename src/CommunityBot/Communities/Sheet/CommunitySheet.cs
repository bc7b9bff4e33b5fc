using CommunityBot.Agreements;
using CommunityBot.Sessions;

namespace CommunityBot.Communities.Sheet;

/// <summary>What the sheet shows of one community: the people in it now and its next planned session (its cadence norm is on the community).</summary>
public sealed record CommunitySheet(Community Community, IReadOnlyList<CommunityPerson> People, Session? NextSession)
{
    /// <summary>The viewer may run the community: the sheet offers its buttons (only hints; every action re-checks).</summary>
    public bool CanManage { get; init; }
}
