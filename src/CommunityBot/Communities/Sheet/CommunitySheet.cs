using CommunityBot.Sessions;

namespace CommunityBot.Communities.Sheet;

/// <summary>What the sheet shows of one community: its current members by role and its next planned session.</summary>
public sealed record CommunitySheet(Community Community, IReadOnlyList<SheetMember> Members, Session? NextSession, int WeeksBetweenSessions);

public sealed record SheetMember(CommunityRole Role, string? Name);
