using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>Gathers what the close-the-loop, open-agreements and edit cards show. Callers check the coach first.</summary>
public sealed class CloseLoopCards(AppDbContext db, AgreementQueries queries, TimeProvider clock)
{
    /// <summary>The close-the-loop card of a session; null when the session does not exist.</summary>
    public async Task<AdaptiveCard?> LoopAsync(long sessionId, Language language, string? notice, CancellationToken ct) =>
        await LoopModelAsync(sessionId, ct) is { } model ? CloseLoopCard.Build(model, language, notice) : null;

    public async Task<CloseLoopModel?> LoopModelAsync(long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Community).SingleOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var next = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == session.CommunityId && s.Status == SessionStatus.Planned && s.StartsAt > now && s.Id != session.Id)
            .OrderBy(s => s.StartsAt).FirstOrDefaultAsync(ct);
        return new CloseLoopModel(
            session.Id, session.Community.Name, LocalClock.Zone(session.Community.TimeZone), session.StartsAt,
            await queries.ToCloseAtAsync(session, ct), next is null ? null : SessionRef.Of(next), now);
    }

    public async Task<AdaptiveCard> OpenAsync(long communityId, Language language, string? notice, CancellationToken ct)
    {
        var name = await db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).SingleAsync(ct);
        return OpenAgreementsCard.Build(name, await queries.UnclosedAsync(communityId, ct), language, notice);
    }

    /// <summary>The edit card; null when the agreement does not exist.</summary>
    public async Task<AdaptiveCard?> EditAsync(long agreementId, long? loopSessionId, Language language, CancellationToken ct)
    {
        if (await queries.ViewAsync(agreementId, ct) is not { } agreement)
        {
            return null;
        }
        var people = await CommunityPeople.ActiveAsync(db, agreement.CommunityId, ct);
        var named = agreement.Owners.Concat(agreement.Dependants).Select(p => p.Id).ToHashSet();
        var now = clock.GetUtcNow();
        var upcoming = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == agreement.CommunityId && s.Status == SessionStatus.Planned && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).Take(6).ToListAsync(ct);
        var model = new EditCardModel(
            agreement,
            // Leaders are not offered (as on the recording card), unless already named: saving must not drop them silently.
            [.. people.Where(p => p.Role != Communities.CommunityRole.Leader || named.Contains(p.PersonId)).Select(p => new PersonRef(p.PersonId, p.Name, p.TeamsUserId))],
            [.. upcoming.Select(SessionRef.Of)],
            await LoopOfAsync(agreement.CommunityId, loopSessionId, ct));
        return EditAgreementCard.Build(model, language);
    }

    /// <summary>The card the coach came from, redrawn with a notice: the session's close-the-loop card or the open list.</summary>
    public async Task<AdaptiveCard> BackAsync(long communityId, long? loopSessionId, Language language, string notice, CancellationToken ct) =>
        await LoopOfAsync(communityId, loopSessionId, ct) is { } session && await LoopAsync(session, language, notice, ct) is { } card
            ? card
            : await OpenAsync(communityId, language, notice, ct);

    /// <summary>The session from card data, only when it is one of the community's (card data is never trusted).</summary>
    private async Task<long?> LoopOfAsync(long communityId, long? sessionId, CancellationToken ct) =>
        sessionId is { } id && await db.Sessions.AnyAsync(s => s.Id == id && s.CommunityId == communityId, ct) ? id : null;
}
