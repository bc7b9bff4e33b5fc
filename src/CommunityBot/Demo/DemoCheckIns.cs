using CommunityBot.CheckIns;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Demo;

/// <summary>
/// Two closed check-ins (the day after each held session), answered by all four teachers so the coach has a result
/// and a trend, and one open check-in nobody answered yet, for a teacher to answer in the playground ("act as Megan").
/// Answers are stored as <see cref="CheckInBook"/> stores them: under the pseudonym, to the day.
/// </summary>
internal sealed class DemoCheckIns(AppDbContext db, InstrumentCatalog catalog, CheckInPseudonyms pseudonyms, CheckInOpener opener, IOptions<CheckInsOptions> options) : IDemoSeedContributor
{
    /// <summary>
    /// Per round, per teacher, the score on each condition (in the order of <see cref="CheckInCondition"/>), after reverse
    /// scoring. Psychological safety is lowest and rises a little the second time, so the result card has a suggestion and a change.
    /// </summary>
    private static readonly int[][][] Scores =
    [
        [[4, 4, 2, 3, 4], [3, 4, 3, 4, 3], [4, 5, 2, 4, 4], [3, 3, 2, 3, 3]],
        [[4, 5, 3, 4, 4], [4, 4, 3, 4, 4], [5, 5, 3, 4, 5], [3, 4, 2, 3, 4]],
    ];

    private static readonly string?[][] Comments =
    [
        [null, "Ik zou graag meer tijd hebben om samen taken te ontwerpen.", null, "Niet iedereen komt evenveel aan het woord."],
        ["De vorige sessie gaf me veel ideeën voor mijn klas.", null, null, null],
    ];

    public async Task SeedAsync(DemoCommunitySeed seed, CancellationToken cancellationToken)
    {
        var instrument = catalog.Current;
        var held = await db.Sessions.AsNoTracking().Where(s => seed.PastSessionIds.Contains(s.Id)).OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync(cancellationToken);
        foreach (var (sessionStart, round) in held.Zip(Enumerable.Range(0, Scores.Length)))
        {
            var opensAt = sessionStart.AddDays(1);
            var checkIn = new CheckIn
            {
                CommunityId = seed.CommunityId,
                InstrumentVersion = instrument.Version,
                OpensAt = opensAt,
                ClosesAt = opensAt + options.Value.Window,
                State = CheckInState.Closed,
                InvitedCount = seed.TeacherIds.Count,
            };
            db.CheckIns.Add(checkIn);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var (teacherId, teacher) in seed.TeacherIds.Zip(Enumerable.Range(0, seed.TeacherIds.Count)))
            {
                var response = new CheckInResponse
                {
                    CheckInId = checkIn.Id,
                    Pseudonym = pseudonyms.For(seed.CommunityId, teacherId),
                    KeyVersion = pseudonyms.KeyVersion,
                    Comment = Comments[round][teacher],
                    AnsweredAt = new DateTimeOffset(opensAt.UtcDateTime.Date.AddDays(1), TimeSpan.Zero),
                };
                response.Answers.AddRange(instrument.Items.Select(item =>
                {
                    var score = Scores[round][teacher][(int)item.Condition];
                    return new CheckInAnswer { ItemId = item.Id, Value = item.Reverse ? instrument.Max + instrument.Min - score : score };
                }));
                db.CheckInResponses.Add(response);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        // The open round, as the schedule would open it: now, with the teachers invited.
        await opener.OpenAsync(seed.CommunityId, cancellationToken);
    }
}
