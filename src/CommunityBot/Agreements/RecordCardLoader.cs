using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>Gathers what the recording card shows for one community and the session the agreements are made at.</summary>
public sealed class RecordCardLoader(AppDbContext db, AgreementBook book, AgreementQueries queries, TimeProvider clock)
{
    public async Task<AdaptiveCard> BuildAsync(long communityId, long? madeAtSessionId, Language language, string? notice, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, ct);
        var people = await CommunityPeople.ActiveAsync(db, communityId, ct);
        var madeAt = madeAtSessionId is { } id
            ? await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => SessionRef.Of(s)).SingleOrDefaultAsync(ct)
            : null;
        var upcoming = await book.UpcomingSessionsAsync(communityId, ct);
        var model = new RecordCardModel(
            communityId,
            community.Name,
            LocalClock.Zone(community.TimeZone),
            madeAt,
            [.. people.Where(p => p.Role != Communities.CommunityRole.Leader).Select(p => new PersonRef(p.PersonId, p.Name, p.TeamsUserId))],
            [.. upcoming.Where(s => s.Id != madeAtSessionId).Take(4).Select(SessionRef.Of)],
            await queries.MadeAtAsync(communityId, madeAtSessionId, ct),
            clock.GetUtcNow());
        return RecordCard.Build(model, language, notice);
    }
}
