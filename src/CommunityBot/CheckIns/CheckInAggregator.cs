using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

/// <summary>
/// The only way answers leave the database for anyone but the member who gave them: result cards, digests and exports
/// call this. It applies the k rule, reverse scoring and the comment rules in one place, so no caller can forget one.
/// </summary>
public sealed class CheckInAggregator(AppDbContext db, InstrumentCatalog catalog, IOptions<CheckInsOptions> options, TimeProvider clock)
{
    /// <summary>One round's result, or null when there is no such round.</summary>
    public async Task<CheckInResult?> ForCheckInAsync(long checkInId, CheckInAudience audience, CancellationToken ct)
    {
        var checkIn = await db.CheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == checkInId, ct);
        return checkIn is null ? null : await AggregateAsync(checkIn, audience, ct);
    }

    /// <summary>The results of a community's rounds that opened in [<paramref name="from"/>, <paramref name="to"/>), oldest first: what the digests read.</summary>
    public async Task<IReadOnlyList<CheckInResult>> ForCommunityAsync(long communityId, DateTimeOffset from, DateTimeOffset to, CheckInAudience audience, CancellationToken ct)
    {
        var rounds = await db.CheckIns.AsNoTracking()
            .Where(c => c.CommunityId == communityId && c.OpensAt >= from && c.OpensAt < to)
            .OrderBy(c => c.OpensAt).ThenBy(c => c.Id)
            .ToListAsync(ct);
        List<CheckInResult> results = [];
        foreach (var round in rounds)
        {
            results.Add(await AggregateAsync(round, audience, ct));
        }
        return results;
    }

    private async Task<CheckInResult> AggregateAsync(CheckIn checkIn, CheckInAudience audience, CancellationToken ct)
    {
        if (checkIn.State == CheckInState.Open && clock.GetUtcNow() < checkIn.ClosesAt)
        {
            return new StillOpen(checkIn.Id, checkIn.OpensAt, checkIn.ClosesAt);
        }
        var responses = await db.CheckInResponses.AsNoTracking()
            .Where(r => r.CheckInId == checkIn.Id)
            .Select(r => new { r.Comment, Answers = r.Answers.Select(a => new { a.ItemId, a.Value }).ToList() })
            .ToListAsync(ct);
        if (responses.Count < options.Value.MinimumResponses)
        {
            return new NotEnoughAnswers(checkIn.Id, checkIn.OpensAt, checkIn.ClosesAt);
        }
        var instrument = catalog.Find(checkIn.InstrumentVersion)
            ?? throw new InvalidOperationException($"Check-in {checkIn.Id} asks instrument version {checkIn.InstrumentVersion}, which is not shipped.");
        var scored = responses.SelectMany(r => r.Answers)
            .Select(a => (Item: instrument.Item(a.ItemId), a.Value))
            .Where(a => a.Item is not null)
            .Select(a => (a.Item!.Condition, Score: instrument.Scored(a.Item, a.Value)))
            .ToList();
        var conditions = instrument.Conditions
            .Select(c => scored.Where(s => s.Condition == c.Id).Select(s => s.Score).ToList())
            .Zip(instrument.Conditions, (scores, c) => new ConditionAggregate(
                c.Id,
                scores.Count == 0 ? 0 : scores.Average(),
                [.. Enumerable.Range(instrument.Min, instrument.Max - instrument.Min + 1).Select(point => scores.Count(s => s == point))]))
            .ToList();
        // Members who joined after opening may answer too; the rate never exceeds 100 %.
        var rate = (double)responses.Count / Math.Max(checkIn.InvitedCount, responses.Count);
        string[] comments = audience == CheckInAudience.Coach
            ? [.. responses.Select(r => r.Comment).OfType<string>()]
            : [];
        // Random order, so the order of answering (which a coach might remember) tells nothing.
        Random.Shared.Shuffle(comments);
        return new CheckInAggregate(checkIn.Id, checkIn.OpensAt, checkIn.ClosesAt, checkIn.InstrumentVersion, responses.Count, rate, conditions, comments);
    }
}
