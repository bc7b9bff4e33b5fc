using CommunityBot.Delivery;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// Posts the summary of a session's agreements in the community's channel, and updates that same message in place
/// whenever an agreement is added or answered.
/// </summary>
public sealed class SummaryPublisher(AppDbContext db, AgreementQueries queries, Outbox outbox, TimeProvider clock, ILogger<SummaryPublisher> logger)
{
    /// <summary>False when the community has no channel, so nothing was posted.</summary>
    public async Task<bool> PublishAsync(long communityId, long? madeAtSessionId, CancellationToken ct)
    {
        var community = await db.Communities.Where(c => c.Id == communityId)
            .Select(c => new { c.ChannelConversationId, c.TimeZone, c.Language, c.TenantId }).SingleAsync(ct);
        if (community.ChannelConversationId is not { } channel)
        {
            AgreementLog.NoChannel(logger, communityId);
            return false;
        }
        var version = await NextVersionAsync(communityId, madeAtSessionId ?? 0, ct);
        var agreements = await queries.MadeAtAsync(communityId, madeAtSessionId, ct);
        var madeAt = madeAtSessionId is { } id
            ? await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => SessionRef.Of(s)).SingleOrDefaultAsync(ct)
            : null;
        var card = SummaryCard.Build(madeAt, agreements, LocalClock.Zone(community.TimeZone), clock.GetUtcNow(), community.Language);
        await outbox.EnqueueAsync(new OutgoingMessage
        {
            DedupeKey = AgreementSummary.KeyFor(communityId, madeAtSessionId ?? 0, version),
            TenantId = community.TenantId,
            ConversationRowId = channel,
            Card = card,
            ReplacesDedupeKey = version > 1 ? AgreementSummary.KeyFor(communityId, madeAtSessionId ?? 0, 1) : null,
            Purpose = "agreement-summary",
            Priority = DeliveryPriority.Normal,
        }, ct);
        AgreementLog.SummaryQueued(logger, version, madeAtSessionId ?? 0, communityId);
        return true;
    }

    /// <summary>Version 1 the first time (insert-or-get); then an atomic increment, so concurrent additions get distinct versions.</summary>
    private async Task<int> NextVersionAsync(long communityId, long sessionId, CancellationToken ct)
    {
        if (await db.InsertOrIgnoreAsync(new AgreementSummary { CommunityId = communityId, SessionId = sessionId, Version = 1 }, ct))
        {
            return 1;
        }
        // One statement (UPDATE … RETURNING, SQLite ≥ 3.35 and PostgreSQL), so it is atomic even outside a transaction.
        // Not composed further: EF would wrap it in a SELECT, which neither database accepts around an UPDATE.
        var versions = await db.Database.SqlQuery<int>($"""
            UPDATE "AgreementSummaries" SET "Version" = "Version" + 1
            WHERE "CommunityId" = {communityId} AND "SessionId" = {sessionId}
            RETURNING "Version" AS "Value"
            """).ToListAsync(ct);
        return versions.Single();
    }
}
