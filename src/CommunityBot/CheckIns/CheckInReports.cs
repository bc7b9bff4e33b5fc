using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.CheckIns;

/// <summary>A closed round as the coach sees it: what the aggregator released for it and for the round before.</summary>
public sealed record CheckInReport(CheckIn CheckIn, CheckInResult Result, CheckInAggregate? Previous, Instrument Instrument)
{
    public TimeZoneInfo Zone => LocalClock.Zone(CheckIn.Community.TimeZone);

    public Teams.Cards.AdaptiveCard Card(DateTimeOffset now, Language language) =>
        CheckInResultCard.Build(CheckIn.Community.Name, Zone, Result, Previous, Instrument, now, language);

    /// <summary>One line for the briefing: the response rate and the lowest condition, or that there were not enough answers.</summary>
    public string Headline(Language language)
    {
        var texts = CheckInResultTexts.All.For(language);
        if (Result is not CheckInAggregate aggregate)
        {
            return texts.HeadlineNotEnough;
        }
        var lowest = aggregate.Conditions.MinBy(c => c.Mean)!;
        var culture = language.Culture();
        return texts.Headline(aggregate.ResponseRate.ToString("P0", culture), Instrument.Condition(lowest.Condition).Name.For(language), CheckInResultCard.Rounded(lowest.Mean).ToString("0.0", culture));
    }
}

/// <summary>Builds <see cref="CheckInReport"/>s; every number in them comes through <see cref="CheckInAggregator"/>.</summary>
public sealed class CheckInReports(AppDbContext db, CheckInAggregator aggregator, InstrumentCatalog catalog)
{
    public async Task<CheckInReport> ForAsync(long checkInId, CancellationToken ct)
    {
        var checkIn = await db.CheckIns.AsNoTracking().Include(c => c.Community).SingleAsync(c => c.Id == checkInId, ct);
        var result = await aggregator.ForCheckInAsync(checkInId, CheckInAudience.Coach, ct)
            ?? throw new InvalidOperationException($"Check-in {checkInId} vanished while reporting it.");
        var instrument = catalog.Find(checkIn.InstrumentVersion)
            ?? throw new InvalidOperationException($"Check-in {checkIn.Id} asks instrument version {checkIn.InstrumentVersion}, which is not shipped.");
        return new CheckInReport(checkIn, result, await PreviousAsync(checkIn, ct), instrument);
    }

    /// <summary>The community's latest closed round, or null when none has closed yet.</summary>
    public async Task<CheckInReport?> LatestClosedAsync(long communityId, CancellationToken ct)
    {
        var id = await Closed(communityId).OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return id is { } checkInId ? await ForAsync(checkInId, ct) : null;
    }

    /// <summary>The closed round before this one, for the change since last time; null when it released nothing.</summary>
    private async Task<CheckInAggregate?> PreviousAsync(CheckIn checkIn, CancellationToken ct)
    {
        var previousId = await Closed(checkIn.CommunityId).Where(c => c.OpensAt < checkIn.OpensAt)
            .OrderByDescending(c => c.OpensAt).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        // Means only: the previous round's comments are not shown again.
        return previousId is { } id ? await aggregator.ForCheckInAsync(id, CheckInAudience.Leader, ct) as CheckInAggregate : null;
    }

    private IQueryable<CheckIn> Closed(long communityId) =>
        db.CheckIns.AsNoTracking().Where(c => c.CommunityId == communityId && c.State == CheckInState.Closed);
}
