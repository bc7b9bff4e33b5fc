using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.SessionAttendance;

namespace CommunityBot.Digests;

/// <summary>Who a digest is for; it decides what may be named (a leader's digest names no teacher).</summary>
public enum DigestAudience
{
    Leader,
    Coach,
    CoachTheCoach,
}

/// <summary>
/// The week a digest covers: it is sent in the week of <see cref="Monday"/> and reports what happened in
/// [<see cref="From"/>, <see cref="To"/>), from the previous digest's send moment to its own.
/// </summary>
public sealed record DigestPeriod(DateOnly Monday, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The tenant's zone, in which the card names the period's days.</summary>
    public string TimeZone { get; init; } = "Europe/Brussels";

    /// <summary><c>digest nu</c> before this week's digest: the seven days up to the moment asked, titled so.</summary>
    public bool LastSevenDays { get; init; }

    /// <summary>ISO week, e.g. <c>2026-W49</c>: the part of the outbox dedupe key that makes a digest once a week.</summary>
    public string WeekKey => $"{System.Globalization.ISOWeek.GetYear(Monday.ToDateTime(TimeOnly.MinValue))}-W{System.Globalization.ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue)):00}";
}

/// <summary>
/// Someone who gets a weekly digest and the communities it covers. <see cref="Audience"/> is the person's strongest
/// role over them; each section follows the person's role in that community (<see cref="AudienceOf"/>).
/// </summary>
public sealed record DigestRecipient(long PersonId, string TenantId, string Name, Language Language, DigestAudience Audience, IReadOnlyList<long> CommunityIds)
{
    /// <summary>
    /// Per community: Coach or CoachTheCoach where the person holds that role, so names may show; Leader (counts only)
    /// everywhere else, also a coach-the-coach's community reached only through a coach they support. A community
    /// missing here follows <see cref="Audience"/>.
    /// </summary>
    public IReadOnlyDictionary<long, DigestAudience> Audiences { get; init; } = new Dictionary<long, DigestAudience>();

    public DigestAudience AudienceOf(long communityId) => Audiences.GetValueOrDefault(communityId, Audience);
}

/// <summary>One recipient's digest for one week: a section per community, in the order the card shows them.</summary>
public sealed record Digest(DigestRecipient Recipient, DigestPeriod Period, IReadOnlyList<CommunityDigest> Communities);

/// <summary>What a digest says about one community. Counts and aggregates only, except <see cref="ForCoach"/>.</summary>
/// <param name="PreviousPhase">The phase before a change within the period; null when the phase did not change.</param>
/// <param name="Coaches">Process coaches by name (coaches may be named in every digest).</param>
/// <param name="RecentSessions">Attendance of the last held sessions (at most 3), oldest first, recorded or not.</param>
/// <param name="CheckIns">The community's check-in rounds through <see cref="CheckInAggregator"/>, oldest first (k rule applied there).</param>
/// <param name="ForCoach">Names a coach already sees elsewhere; always null in a leader's digest.</param>
public sealed record CommunityDigest(
    long CommunityId,
    string Name,
    string? Theme,
    CommunityPhase Phase,
    CommunityPhase? PreviousPhase,
    string TimeZone,
    IReadOnlyList<string> Coaches,
    CadenceKind CadenceKind,
    int CadenceCount,
    int SessionsThisSchoolYear,
    DateTimeOffset? LastSessionAt,
    DateTimeOffset? NextSessionAt,
    IReadOnlyList<HeldSessionAttendance> RecentSessions,
    AgreementCounts Agreements,
    IReadOnlyList<CheckInResult> CheckIns,
    IReadOnlyList<AttentionItem> NeedsAttention,
    CoachDetails? ForCoach);

/// <summary>Agreements of the period, counted per the per-owner rules; <see cref="Overdue"/> is the state at the period's end.</summary>
public sealed record AgreementCounts(int Made, int Done, int CarriedOver, int Dropped, int Overdue);

public enum AttentionKind
{
    NoSessionBeyondNorm,
    NoNextSession,
    ManyOverdue,
    ConditionFell,
    AttendanceFalling,
}

/// <summary>One "needs attention" line; <see cref="Condition"/> for a condition that fell, <see cref="Count"/> for overdue agreements.</summary>
public sealed record AttentionItem(AttentionKind Kind, CheckInCondition? Condition = null, int? Count = null);

/// <summary>For a coach's own digest: who owns overdue agreements and who was absent last time, as the coach sees them on other cards.</summary>
public sealed record CoachDetails(IReadOnlyList<OverdueAgreement> Overdue, IReadOnlyList<string> AbsentLastSession);

public sealed record OverdueAgreement(long AgreementId, string Text, IReadOnlyList<string> Owners, DateTimeOffset DueAt);
