namespace CommunityBot.SessionAttendance;

public static class AttendanceVerbs
{
    public const string SendRegrets = "attendance.regret";
    public const string TakeBackRegrets = "attendance.comeafterall";
    public const string Save = "attendance.save";
}

/// <summary>Which card a regrets button sits on, so the answer redraws that card: the regrets card or an agreement's reminder.</summary>
public static class RegretCardViews
{
    public const string Regrets = "regrets";
    public const string Reminder = "reminder";
}

/// <summary>
/// Regrets button data; the reason comes back as the input <c>reason-{sessionId}</c>. <paramref name="AgreementId"/> is
/// set on a reminder card, which is redrawn after the press.
/// </summary>
public sealed record RegretData(long SessionId, string View, long? AgreementId = null);

/// <summary>The attendance card's data; the toggles come back as the inputs <c>present-{personId}</c>.</summary>
public sealed record AttendanceData(long SessionId);
