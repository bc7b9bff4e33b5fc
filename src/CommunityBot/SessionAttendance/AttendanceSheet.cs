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
    DateTimeOffset? SavedAt)
{
    /// <summary>When it was read: the card writes its dates against it, with the year only when that is another one.</summary>
    public required DateTimeOffset ReadAt { get; init; }
}
