using CommunityBot.Storage;
using CommunityBot.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.CheckIns;

/// <summary>
/// The only way answers leave the database for anyone but the member who gave them: result cards, digests and exports
/// call this. It applies the k rule, reverse scoring and the comment rules in one place (<see cref="AggregatePerCommunityAsync"/>),
/// so no caller can forget one. Every entry point is set-based: a fixed number of queries whatever the number of rounds.
/// </summary>
public sealed class CheckInAggregator(AppDbContext db, InstrumentCatalog catalog, ITenantSettings tenants, TimeProvider clock, ILogger<CheckInAggregator> logger)
{
    /// <summary>One round's result, or null when there is no such round.</summary>
    public async Task<CheckInResult?> ForCheckInAsync(long checkInId, CheckInAudience audience, CancellationToken ct) =>
        (await AggregateAsync(db.CheckIns.Where(c => c.Id == checkInId), audience, ct)).SingleOrDefault();

    /// <summary>The results of a community's rounds that opened in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public Task<IReadOnlyList<CheckInResult>> ForCommunityAsync(long communityId, DateTimeOffset from, DateTimeOffset to, CheckInAudience audience, CancellationToken ct) =>
        AggregateAsync(db.CheckIns.Where(c => c.CommunityId == communityId && c.OpensAt >= from && c.OpensAt < to), audience, ct);

    /// <summary>
    /// <see cref="ForCommunityAsync"/> for many communities at once: per community its rounds that opened in
    /// [<paramref name="from"/>, <paramref name="to"/>), oldest first; a community without rounds is absent. For a
    /// whole tenant, pass its communities as a query (the other overload) rather than a list of ids.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<CheckInResult>>> ForCommunitiesAsync(
        IReadOnlyCollection<long> communityIds, DateTimeOffset from, DateTimeOffset to, CheckInAudience audience, CancellationToken ct) =>
        PerCommunity(await AggregatePerCommunityAsync(
            db.CheckIns.Where(c => communityIds.Contains(c.CommunityId) && c.OpensAt >= from && c.OpensAt < to), audience, ct));

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<CheckInResult>>> ForCommunitiesAsync(
        IQueryable<long> communityIds, DateTimeOffset from, DateTimeOffset to, CheckInAudience audience, CancellationToken ct) =>
        PerCommunity(await AggregatePerCommunityAsync(
            db.CheckIns.Where(c => communityIds.Contains(c.CommunityId) && c.OpensAt >= from && c.OpensAt < to), audience, ct));

    /// <summary>
    /// What the digests read: per community its last <paramref name="count"/> rounds whose window had ended by
    /// <paramref name="until"/> and that are closed now (a round still open is never among them), oldest first. A round
    /// whose instrument version this build does not ship is <see cref="NotAvailable"/>: one such round must not stop a
    /// whole tenant's digests.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<CheckInResult>>> LatestClosedAsync(
        IQueryable<long> communityIds, DateTimeOffset until, int count, CheckInAudience audience, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var closed = db.CheckIns.Where(c => c.ClosesAt <= until && (c.State == CheckInState.Closed || c.ClosesAt <= now));
        // "Among the last count": fewer than count later closed rounds of the same community (index CommunityId, OpensAt).
        var latest = closed.Where(c => communityIds.Contains(c.CommunityId)
            && closed.Count(l => l.CommunityId == c.CommunityId && (l.OpensAt > c.OpensAt || (l.OpensAt == c.OpensAt && l.Id > c.Id))) < count);
        return PerCommunity(await AggregatePerCommunityAsync(latest, audience, ct, unknownInstrumentNotAvailable: true));
    }

    private static IReadOnlyDictionary<long, IReadOnlyList<CheckInResult>> PerCommunity(IReadOnlyList<(long CommunityId, CheckInResult Result)> results) =>
        results.GroupBy(r => r.CommunityId).ToDictionary(g => g.Key, g => (IReadOnlyList<CheckInResult>)[.. g.Select(r => r.Result)]);

    private async Task<IReadOnlyList<CheckInResult>> AggregateAsync(IQueryable<CheckIn> rounds, CheckInAudience audience, CancellationToken ct) =>
        [.. (await AggregatePerCommunityAsync(rounds, audience, ct)).Select(r => r.Result)];

    /// <summary>
    /// The rules, for any set of rounds in four queries: the rounds, their number of answers (GROUP BY round), the answer
    /// counts per round, item and value of the rounds at k or more (GROUP BY round, item, value), and their comments
    /// only for coaches. Individual answers never reach memory; the rounds are a subquery in each, never a list.
    /// </summary>
    private async Task<IReadOnlyList<(long CommunityId, CheckInResult Result)>> AggregatePerCommunityAsync(
        IQueryable<CheckIn> selected, CheckInAudience audience, CancellationToken ct, bool unknownInstrumentNotAvailable = false)
    {
        var rounds = await selected.AsNoTracking()
            .OrderBy(c => c.CommunityId).ThenBy(c => c.OpensAt).ThenBy(c => c.Id)
            .Select(c => new Round(c.Id, c.CommunityId, c.Community.TenantId, c.InstrumentVersion, c.OpensAt, c.ClosesAt, c.State, c.InvitedCount))
            .ToListAsync(ct);
        if (rounds.Count == 0)
        {
            return [];
        }
        var now = clock.GetUtcNow();
        // Nothing while a round is open: a result that changes with each answer would show the latest person's answers.
        var ended = selected.Where(c => !(c.State == CheckInState.Open && now < c.ClosesAt)).Select(c => c.Id);
        var perRound = db.CheckInResponses.AsNoTracking().Where(r => ended.Contains(r.CheckInId)).GroupBy(r => r.CheckInId);
        var responses = await perRound
            .Select(g => new { CheckInId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CheckInId, g => g.Count, ct);
        // k is the tenant's; rounds of several tenants (never in practice) are fetched at the lowest, then each judged by its own.
        var kOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tenantId in rounds.Select(r => r.TenantId).Distinct())
        {
            kOf[tenantId] = (await tenants.ForTenantAsync(tenantId, ct)).MinimumResponses;
        }
        var k = kOf.Values.Min();
        var anyReleased = responses.Values.Any(n => n >= k);
        var released = perRound.Where(g => g.Count() >= k).Select(g => g.Key);
        var answers = !anyReleased ? [] : await db.CheckInResponses.AsNoTracking()
            .Where(r => released.Contains(r.CheckInId))
            .SelectMany(r => r.Answers, (r, a) => new { r.CheckInId, a.ItemId, a.Value })
            .GroupBy(a => new { a.CheckInId, a.ItemId, a.Value })
            .Select(g => new AnswerCount(g.Key.CheckInId, g.Key.ItemId, g.Key.Value, g.Count()))
            .ToListAsync(ct);
        var comments = !anyReleased || audience != CheckInAudience.Coach ? [] : await db.CheckInResponses.AsNoTracking()
            .Where(r => released.Contains(r.CheckInId) && r.Comment != null)
            .Select(r => new { r.CheckInId, Comment = r.Comment! })
            .ToListAsync(ct);
        var answersOf = answers.ToLookup(a => a.CheckInId);
        var commentsOf = comments.ToLookup(c => c.CheckInId, c => c.Comment);
        return [.. rounds.Select(round => (round.CommunityId, Result(round, kOf[round.TenantId], responses.GetValueOrDefault(round.Id), answersOf[round.Id], commentsOf[round.Id], now, unknownInstrumentNotAvailable)))];
    }

    private CheckInResult Result(Round round, int k, int responses, IEnumerable<AnswerCount> answers, IEnumerable<string> comments, DateTimeOffset now, bool unknownInstrumentNotAvailable)
    {
        if (round.State == CheckInState.Open && now < round.ClosesAt)
        {
            return new StillOpen(round.Id, round.OpensAt, round.ClosesAt);
        }
        if (responses < k)
        {
            return new NotEnoughAnswers(round.Id, round.OpensAt, round.ClosesAt);
        }
        if (catalog.Find(round.InstrumentVersion) is not { } instrument)
        {
            if (unknownInstrumentNotAvailable)
            {
                CheckInsLog.InstrumentNotShipped(logger, round.Id, round.InstrumentVersion);
                return new NotAvailable(round.Id, round.OpensAt, round.ClosesAt);
            }
            throw new InvalidOperationException($"Check-in {round.Id} asks instrument version {round.InstrumentVersion}, which is not shipped.");
        }
        var points = instrument.Max - instrument.Min + 1;
        var distributions = instrument.Conditions.ToDictionary(c => c.Id, _ => new int[points]);
        foreach (var answer in answers)
        {
            // An item the instrument does not know (never written by the book) counts for nothing.
            if (instrument.Item(answer.ItemId) is { } item && instrument.InRange(answer.Value))
            {
                distributions[item.Condition][instrument.Scored(item, answer.Value) - instrument.Min] += answer.Count;
            }
        }
        var conditions = instrument.Conditions.Select(c => new ConditionAggregate(c.Id, Mean(distributions[c.Id], instrument.Min), distributions[c.Id])).ToList();
        // Members who joined after opening may answer too; the rate never exceeds 100 %.
        var rate = (double)responses / Math.Max(round.InvitedCount, responses);
        string[] released = [.. comments];
        // Random order, so the order of answering (which a coach might remember) tells nothing.
        Random.Shared.Shuffle(released);
        return new CheckInAggregate(round.Id, round.OpensAt, round.ClosesAt, round.InstrumentVersion, responses, rate, conditions, released);
    }

    private static double Mean(int[] distribution, int min)
    {
        var count = distribution.Sum();
        return count == 0 ? 0 : distribution.Select((n, i) => (double)n * (i + min)).Sum() / count;
    }

    private sealed record Round(long Id, long CommunityId, string TenantId, int InstrumentVersion, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, CheckInState State, int InvitedCount);

    private sealed record AnswerCount(long CheckInId, string ItemId, int Value, int Count);
}
