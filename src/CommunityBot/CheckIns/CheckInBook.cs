using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.CheckIns;

/// <summary>Stores a member's answers under their pseudonym; reads a member's own answers back for them alone.</summary>
public sealed class CheckInBook(
    AppDbContext db, InstrumentCatalog catalog, CheckInPseudonyms pseudonyms, TimeProvider clock, ILogger<CheckInBook> logger)
{
    /// <summary>
    /// Saves or changes the person's answers. Every id on the card is re-checked: the round must belong to the community
    /// the card names, the person must be an active member of it now, the round open, every item known and answered on the scale.
    /// </summary>
    public async Task<CheckInAnswerResult> AnswerAsync(
        Person person, long checkInId, long communityId, IReadOnlyDictionary<string, int> answers, string? comment, CancellationToken ct)
    {
        // Membership of the community the card names comes first: to anyone else, a check-in that exists and one that
        // does not get the same answer, so answers tell nobody which ids exist.
        var now = clock.GetUtcNow();
        if (!await ActiveMembers.At(db, communityId, now).AnyAsync(m => m.PersonId == person.Id && m.Role == CommunityRole.Member, ct))
        {
            return new CheckInAnswerResult(CheckInOutcome.NotAMember);
        }
        var checkIn = await db.CheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == checkInId, ct);
        if (checkIn is null || checkIn.CommunityId != communityId)
        {
            CheckInsLog.ForgedCommunity(logger, checkInId, communityId);
            return new CheckInAnswerResult(CheckInOutcome.Unknown);
        }
        if (!checkIn.IsOpenAt(now))
        {
            return new CheckInAnswerResult(CheckInOutcome.Closed);
        }
        var instrument = InstrumentOf(checkIn);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (answers.Count != instrument.Items.Count
            || answers.Any(a => instrument.Item(a.Key) is null || !instrument.InRange(a.Value)))
        {
            CheckInsLog.InvalidAnswers(logger, checkInId);
            return new CheckInAnswerResult(CheckInOutcome.Invalid);
        }
        var pseudonym = pseudonyms.For(communityId, person.Id);
        var day = DayOf(now);
        if (!await TryInsertAsync(checkInId, pseudonym, answers, comment, day, ct))
        {
            // A response exists (an earlier answer, or a press that raced this one): this answer replaces it.
            var response = await db.CheckInResponses.Include(r => r.Answers).SingleAsync(r => r.CheckInId == checkInId && r.Pseudonym == pseudonym, ct);
            response.Answers.Clear();
            response.Answers.AddRange(answers.Select(a => new CheckInAnswer { ItemId = a.Key, Value = a.Value }));
            response.Comment = comment;
            response.KeyVersion = pseudonyms.KeyVersion;
            response.ChangedAt = day;
            await db.SaveChangesAsync(ct);
        }
        CheckInsLog.AnswerSaved(logger, checkInId);
        return new CheckInAnswerResult(CheckInOutcome.Saved, await OwnAsync(person, communityId, ct));
    }

    /// <summary>
    /// Answer moments are kept to the day (UTC): an exact instant could be matched with another row written in the same
    /// turn (a first contact, a welcome) and so with a person.
    /// </summary>
    private static DateTimeOffset DayOf(DateTimeOffset moment) => new(moment.UtcDateTime.Date, TimeSpan.Zero);

    /// <summary>
    /// The first answer of this pseudonym to the round, or false when one exists: <c>ON CONFLICT DO NOTHING</c> on the
    /// (round, pseudonym) key, so a press that races another inserts nothing instead of failing. The response and its
    /// answers are written together.
    /// </summary>
    private async Task<bool> TryInsertAsync(long checkInId, string pseudonym, IReadOnlyDictionary<string, int> answers, string? comment, DateTimeOffset day, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var response = new CheckInResponse { CheckInId = checkInId, Pseudonym = pseudonym, KeyVersion = pseudonyms.KeyVersion, Comment = comment, AnsweredAt = day };
        if (!await db.InsertOrIgnoreAsync(response, ct))
        {
            return false;
        }
        var responseId = await db.CheckInResponses.Where(r => r.CheckInId == checkInId && r.Pseudonym == pseudonym).Select(r => r.Id).SingleAsync(ct);
        db.Set<CheckInAnswer>().AddRange(answers.Select(a => new CheckInAnswer { ResponseId = responseId, ItemId = a.Key, Value = a.Value }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The person's own rounds in a community: every round of the community, with their answers where they gave them
    /// under the current key. After a key rotation earlier answers are no longer theirs to see; that is the point of rotating.
    /// </summary>
    public async Task<OwnCheckIns> OwnAsync(Person person, long communityId, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, ct);
        var pseudonym = pseudonyms.For(communityId, person.Id);
        var rounds = await db.CheckIns.AsNoTracking().Where(c => c.CommunityId == communityId).OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToListAsync(ct);
        var mine = await db.CheckInResponses.AsNoTracking().Include(r => r.Answers)
            .Where(r => r.Pseudonym == pseudonym && r.KeyVersion == pseudonyms.KeyVersion && r.CheckIn.CommunityId == communityId)
            .ToDictionaryAsync(r => r.CheckInId, ct);
        return new OwnCheckIns(community.Id, community.Name, LocalClock.Zone(community.TimeZone), [.. rounds.Select(r => mine.TryGetValue(r.Id, out var response)
            ? new OwnRound(r, InstrumentOf(r), response.Answers.ToDictionary(a => a.ItemId, a => a.Value), response.Comment)
            : new OwnRound(r, InstrumentOf(r), null, null))]);
    }

    private Instrument InstrumentOf(CheckIn checkIn) => catalog.Find(checkIn.InstrumentVersion)
        ?? throw new InvalidOperationException($"Check-in {checkIn.Id} asks instrument version {checkIn.InstrumentVersion}, which is not shipped.");
}
