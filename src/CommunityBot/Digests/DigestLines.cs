using System.Globalization;
using CommunityBot.CheckIns;
using CommunityBot.Communities.Cadence;
using CommunityBot.Communities.Sheet;
using CommunityBot.Localization;

namespace CommunityBot.Digests;

/// <summary>
/// The sentences of one community's section, in the recipient's language and the community's time zone. Only counts
/// and released aggregates go in; names only through <see cref="CoachLines"/>, which a leader's card never calls. Dates
/// are written as of the end of the period (the moment the digest was made), with the year only when it is another one.
/// </summary>
internal sealed class DigestLines(CommunityDigest community, DigestPeriod period, Language language)
{
    /// <summary>A coach's lines stop here; the rest is a count.</summary>
    public const int MaxOverdueLines = 10;

    private const int MaxAgreementText = 80;

    private readonly DigestTexts texts = DigestTexts.All.For(language);
    private readonly CultureInfo culture = language.Culture();
    private readonly TimeZoneInfo zone = TimeZoneInfo.TryFindSystemTimeZoneById(community.TimeZone, out var found)
        ? found
        : TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");

    public DigestTexts Texts => texts;

    public IReadOnlyList<string> Attention => [.. community.NeedsAttention.Select(AttentionText)];

    /// <summary>What a collapsed section shows before it is opened: its most pressing point, or its phase and next session.</summary>
    public string Status => community.NeedsAttention.Count switch
    {
        0 => $"{texts.PhaseNumber((int)community.Phase)} · {NextSessionShort}",
        1 => $"⚠ {Attention[0]}",
        var n => $"⚠ {Attention[0]} (+{n - 1})",
    };

    public string Phase
    {
        get
        {
            var name = CommunitySheetTexts.All.For(language).PhaseNames[community.Phase];
            return community.PreviousPhase is { } before && before != community.Phase
                ? texts.PhaseChanged((int)before, (int)community.Phase, name)
                : texts.Phase((int)community.Phase, name);
        }
    }

    public string? Coaches => community.Coaches.Count > 0 ? texts.Coaches(community.Coaches) : null;

    public string Sessions
    {
        get
        {
            if (community.CadenceKind == CadenceKind.PerSchoolYear)
            {
                return texts.SessionsPerYear(community.SessionsThisSchoolYear, community.CadenceCount);
            }
            return community.LastSessionAt is { } last
                ? texts.LastSessionWeeks((int)Math.Max(0, (period.To - last).TotalDays) / 7, community.CadenceCount)
                : texts.NoSessionYet(community.CadenceCount);
        }
    }

    /// <summary>Null when the attention points already say there is no next session: the section says it once.</summary>
    public string? NextSession => community.NextSessionAt is { } next
        ? texts.NextSession(Formats.DayAndTime(next, zone, language, period.To))
        : community.NeedsAttention.Any(a => a.Kind == AttentionKind.NoNextSession) ? null : texts.NoNextSession;

    private string NextSessionShort => community.NextSessionAt is { } next
        ? texts.NextSession(TimeZoneInfo.ConvertTime(next, zone).ToString("d/M", culture)).ToLower(culture)
        : texts.NoNextSession.ToLower(culture);

    /// <summary>A session whose attendance nobody took says so; it never reads as "0 of 6".</summary>
    public string? Attendance => community.RecentSessions.Count == 0
        ? null
        : texts.Attendance(string.Join(" · ", community.RecentSessions.Select(s =>
            s.Recorded ? texts.Present(s.Present, s.Present + s.Absent) : texts.NotRecorded)));

    public string Agreements
    {
        get
        {
            var counts = community.Agreements;
            var parts = new (int Count, Func<int, string> Text)[]
            {
                (counts.Made, texts.Made), (counts.Done, texts.Done), (counts.CarriedOver, texts.CarriedOver),
                (counts.Dropped, texts.Dropped), (counts.Overdue, texts.Overdue),
            }.Where(p => p.Count > 0).Select(p => p.Text(p.Count)).ToList();
            return parts.Count == 0 ? texts.NoAgreements : texts.Agreements(string.Join(" · ", parts));
        }
    }

    /// <summary>The latest round, and when it is still open also the last closed one: a suppressed round shows no number.</summary>
    public IReadOnlyList<string> CheckInSummary(bool withConditions)
    {
        if (community.CheckIns.Count == 0)
        {
            return [texts.CheckInNone];
        }
        var latest = community.CheckIns[^1];
        var closed = latest is StillOpen ? community.CheckIns.LastOrDefault(c => c is not StillOpen) : latest;
        var state = closed switch
        {
            CheckInAggregate a => texts.RoundRate(a.ResponseRate.ToString("P0", culture)),
            NotEnoughAnswers => texts.RoundNotEnough,
            NotAvailable => texts.RoundNotAvailable,
            _ => null,
        };
        List<string> lines = [latest is not StillOpen ? texts.CheckIn(state ?? texts.RoundNotEnough) : state is null ? texts.CheckInOpen : texts.CheckInOpenAfter(state)];
        if (withConditions && closed is CheckInAggregate aggregate)
        {
            lines.Add(string.Join(" · ", aggregate.Conditions.Select(c => $"{texts.ShortConditions[c.Condition]} {Mean(c.Mean)}{Arrow(c)}")));
        }
        return lines;
    }

    /// <summary>Every round, oldest first, and the latest means with their change: the detail card's check-in part.</summary>
    public IReadOnlyList<string> CheckInRounds()
    {
        List<string> lines = [.. community.CheckIns.Select(round => texts.Round(Formats.Day(round.OpensAt, zone, language, period.To), round switch
        {
            CheckInAggregate a => texts.RoundRate(a.ResponseRate.ToString("P0", culture)),
            StillOpen => texts.RoundOpen,
            NotAvailable => texts.RoundNotAvailable,
            _ => texts.RoundNotEnough,
        }))];
        if (community.CheckIns.OfType<CheckInAggregate>().LastOrDefault() is { } latest)
        {
            lines.AddRange(latest.Conditions.Select(c => $"{texts.Conditions[c.Condition]}: {Mean(c.Mean)} ({Change(c)})"));
        }
        return lines;
    }

    /// <summary>Released rounds only: the points of the trend chart, one series per condition.</summary>
    public IReadOnlyList<CheckInAggregate> Aggregates => [.. community.CheckIns.OfType<CheckInAggregate>()];

    public string ChartLabel(CheckInAggregate round) => TimeZoneInfo.ConvertTime(round.OpensAt, zone).ToString("d/M", culture);

    /// <summary>
    /// The overdue agreements with their owners (at most <see cref="MaxOverdueLines"/>, each text cut short) and who was
    /// absent: enough to act on, and a card that cannot outgrow Teams' message size.
    /// </summary>
    public IReadOnlyList<string> CoachLines(CoachDetails details)
    {
        List<string> lines = [.. details.Overdue.Take(MaxOverdueLines).Select(o => texts.OverdueLine(
            $"“{Shortened(o.Text)}”", string.Join(", ", o.Owners), TimeZoneInfo.ConvertTime(o.DueAt, zone).ToString("d/M", culture)))];
        // The facts hold only the first overdue agreements; the count is of all of them.
        if (community.Agreements.Overdue > MaxOverdueLines)
        {
            lines.Add(texts.MoreOverdue(community.Agreements.Overdue - MaxOverdueLines));
        }
        if (details.AbsentLastSession.Count > 0)
        {
            lines.Add(texts.AbsentLast(string.Join(", ", details.AbsentLastSession)));
        }
        return lines;
    }

    private static string Shortened(string text) => text.Length <= MaxAgreementText ? text : text[..(MaxAgreementText - 1)].TrimEnd() + "…";

    private string AttentionText(AttentionItem item) => item.Kind switch
    {
        AttentionKind.NoSessionBeyondNorm => texts.AttentionNoSessionBeyondNorm,
        AttentionKind.NoNextSession => texts.AttentionNoNextSession,
        AttentionKind.ManyOverdue => texts.AttentionManyOverdue(item.Count ?? community.Agreements.Overdue),
        AttentionKind.ConditionFell when item.Condition is { } condition => texts.AttentionConditionFell(texts.Conditions[condition]),
        AttentionKind.ConditionFell => texts.AttentionSomeConditionFell,
        _ => texts.AttentionAttendanceFalling,
    };

    private string Mean(double mean) => CheckInResultCard.Rounded(mean).ToString("0.0", culture);

    private double? Delta(ConditionAggregate condition)
    {
        var aggregates = Aggregates;
        var before = aggregates.Count >= 2 ? aggregates[^2].Conditions.FirstOrDefault(c => c.Condition == condition.Condition) : null;
        // The change between the shown (rounded) means, so the numbers on the card add up.
        return before is null ? null : CheckInResultCard.Rounded(condition.Mean) - CheckInResultCard.Rounded(before.Mean);
    }

    private string Arrow(ConditionAggregate condition) => Delta(condition) switch
    {
        > 0 => " ↑",
        < 0 => " ↓",
        _ => "",
    };

    private string Change(ConditionAggregate condition) => Delta(condition) is { } delta
        ? delta.ToString("+0.0;−0.0;±0.0", culture)
        : texts.FirstMeasurement;
}
