using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Communities.Cadence;
using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.SessionAttendance;

namespace CommunityBot.Tests.Digests;

/// <summary>Digests built by hand, as the content part will fill them from the database: the week of Monday 30 November 2026.</summary>
internal static class DigestSamples
{
    public static readonly DateOnly Monday = new(2026, 11, 30);

    public static readonly DigestPeriod Period = new(Monday, new(2026, 11, 23, 6, 30, 0, TimeSpan.Zero), new(2026, 11, 30, 6, 30, 0, TimeSpan.Zero));

    private static readonly DateTimeOffset Day = new(2026, 11, 30, 6, 30, 0, TimeSpan.Zero);

    public static Digest For(DigestAudience audience, Language language, params CommunityDigest[] communities) =>
        new(new DigestRecipient(1, "tenant", "Lynne Robbins", language, audience, [.. communities.Select(c => c.CommunityId)]), Period, communities);

    /// <summary>A community that runs well: every number filled in, two released check-ins, nothing to flag.</summary>
    public static CommunityDigest Healthy(long id, string name = "Wiskunde eerste graad") => new(
        id, name, "Evalueren met rubrics", CommunityPhase.LearningTogether, null, "Europe/Brussels", ["Alex Wilber"],
        CadenceKind.PerSchoolYear, 5, 3, Day.AddDays(-20), Day.AddDays(8).AddHours(11),
        [Attendance(id, -62, true, 5, 1), Attendance(id, -41, false, 0, 0), Attendance(id, -20, true, 6, 0)],
        new AgreementCounts(4, 2, 1, 1, 0),
        [Aggregate(1, -50, 0.83, 3.0, 3.4, 2.8, 3.6, 3.9), Aggregate(2, -18, 1.0, 3.5, 3.8, 3.2, 3.6, 4.1)],
        [],
        new CoachDetails([], ["Megan Bowen"]));

    /// <summary>
    /// A community that needs attention: last session seven weeks ago, none planned, overdue agreements, the latest
    /// check-in below k and a new one open.
    /// </summary>
    public static CommunityDigest Struggling(long id, string name = "Nederlands tweede graad") => new(
        id, name, "Begrijpend lezen", CommunityPhase.ThemesOrganised, CommunityPhase.TeachersMotivated, "Europe/Brussels", ["Diego Siciliani"],
        CadenceKind.EveryNWeeks, 6, 2, Day.AddDays(-49), null,
        [Attendance(id, -70, true, 6, 0), Attendance(id, -49, true, 4, 2)],
        new AgreementCounts(0, 0, 0, 0, 3),
        [Aggregate(3, -60, 0.8, 3.4, 3.6, 3.5, 3.2, 3.8), new NotEnoughAnswers(4, Day.AddDays(-45), Day.AddDays(-40)), new StillOpen(5, Day.AddDays(-2), Day.AddDays(3))],
        [new AttentionItem(AttentionKind.NoSessionBeyondNorm), new AttentionItem(AttentionKind.NoNextSession), new AttentionItem(AttentionKind.ManyOverdue, Count: 3)],
        new CoachDetails(
            [new OverdueAgreement(71, "Leesteksten verzamelen", ["Patti Fernandez", "Isaiah Langer"], Day.AddDays(-49))],
            ["Adele Vance", "Isaiah Langer"]));

    /// <summary>A new community: nothing held, nothing agreed, no check-in yet.</summary>
    public static CommunityDigest Quiet(long id, string name) => new(
        id, name, null, CommunityPhase.TeachersMotivated, null, "Europe/Brussels", [], CadenceKind.EveryNWeeks, 6, 0, null,
        Day.AddDays(15).AddHours(9), [], new AgreementCounts(0, 0, 0, 0, 0), [], [], null);

    private static readonly string[] Subjects = ["Wiskunde", "Frans", "Geschiedenis", "Aardrijkskunde", "Biologie", "Muzikale opvoeding", "Engels", "Lichamelijke opvoeding"];

    private static readonly string[] Grades = ["eerste graad", "tweede graad", "derde graad"];

    private static readonly string[] Schools =
    [
        "Sint-Jozefscollege Aalst", "Koninklijk Atheneum Brugge", "Sint-Lievenscollege Gent", "GO! Campus Kompas Mechelen",
        "Heilig-Hartinstituut Heverlee", "Sint-Ursula-Instituut Onze-Lieve-Vrouw-Waver", "Atheneum Tienen",
        "Sint-Victorinstituut Turnhout", "Don Bosco Hoboken", "Sint-Jan Berchmanscollege Genk", "Mariagaarde Hoogstraten",
        "Technisch Instituut Sint-Lodewijk Kortrijk", "GO! atheneum Denderleeuw",
    ];

    /// <summary>
    /// Many communities with every kind of section and names as long as real ones (subject, grade, school), a third of
    /// them needing attention (for one point or several).
    /// </summary>
    public static CommunityDigest[] Many(int count) =>
        [.. Enumerable.Range(1, count).Select(i =>
        {
            var school = Schools[i % Schools.Length];
            var name = $"{Subjects[i % Subjects.Length]} {Grades[i % Grades.Length]} · {school}";
            return (i % 3) switch
            {
                0 when i % 2 == 0 => Struggling(1000 + i, name) with { NeedsAttention = [new AttentionItem(AttentionKind.ConditionFell, CheckInCondition.PsychologicalSafety)] },
                0 => Struggling(1000 + i, $"Nederlands {Grades[i / 6 % Grades.Length]} · {school}"),
                1 => Healthy(1000 + i, name),
                _ => Quiet(1000 + i, name),
            };
        })];

    private static HeldSessionAttendance Attendance(long community, int days, bool recorded, int present, int absent) =>
        new(community * 10 + days, community, Day.AddDays(days), recorded, present, absent);

    private static CheckInAggregate Aggregate(long id, int days, double rate, params double[] means) =>
        new(id, Day.AddDays(days), Day.AddDays(days + 5), 1, 5, rate,
            [.. Enum.GetValues<CheckInCondition>().Select((c, i) => new ConditionAggregate(c, means[i], [0, 1, 2, 1, 1]))], []);
}
