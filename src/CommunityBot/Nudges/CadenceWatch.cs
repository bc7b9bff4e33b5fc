using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Nudges;

/// <summary>Moves a community's <see cref="CadenceDeadline"/> whenever its sessions change.</summary>
public sealed class CadenceWatch(AppDbContext db, ContactRules rules) : ISessionPlansListener
{
    public async Task SessionsChangedAsync(long communityId, CancellationToken ct)
    {
        var latest = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.Status != SessionStatus.Cancelled)
            .OrderByDescending(s => s.StartsAt).Select(s => new { s.StartsAt }).FirstOrDefaultAsync(ct);
        var deadline = await db.CadenceDeadlines.SingleOrDefaultAsync(d => d.CommunityId == communityId, ct);
        if (latest is null)
        {
            if (deadline is not null)
            {
                db.Remove(deadline);
            }
        }
        else
        {
            var nudgeFrom = NudgeFrom(latest.StartsAt);
            if (deadline is null)
            {
                db.Add(new CadenceDeadline { CommunityId = communityId, NudgeFrom = nudgeFrom });
            }
            else
            {
                deadline.NudgeFrom = nudgeFrom;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private DateTimeOffset NudgeFrom(DateTimeOffset lastSession) =>
        lastSession.AddDays(7 * rules.Options.MaxWeeksBetweenSessions).AddDays(-rules.Options.CadenceWarningDays);
}
