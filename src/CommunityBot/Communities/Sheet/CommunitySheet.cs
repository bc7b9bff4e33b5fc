using CommunityBot.Agreements;
using CommunityBot.Sessions;

namespace CommunityBot.Communities.Sheet;

/// <summary>What the sheet shows of one community: the people in it now, its next planned session and its cadence norm.</summary>
public sealed record CommunitySheet(Community Community, IReadOnlyList<CommunityPerson> People, Session? NextSession, int WeeksBetweenSessions);
