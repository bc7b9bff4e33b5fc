namespace CommunityBot.SessionAttendance;

/// <summary>One person on the attendance card: the saved value, or (before anything is saved) present unless they sent regrets.</summary>
public sealed record AttendanceLine(long PersonId, string Name, bool Present, bool Regretted);

/// <summary>Everything the attendance card of one session shows.</summary>
public sealed record AttendanceSheet(
    long SessionId,
    string CommunityName,
    DateTimeOffset StartsAt,
    TimeZoneInfo Zone,
    IReadOnlyList<AttendanceLine> Lines,
    string? SavedBy,
    DateTimeOffset? SavedAt);
