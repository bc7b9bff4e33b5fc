using CommunityBot.Communities;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Sessions;

/// <summary>
/// What the seeds advise against in a planned session (004: "niet te dicht op elkaar", "twee à drie uur"): the coach
/// is told on the confirmation card, and decides; the plan stands.
/// </summary>
public sealed class SessionWarnings(AppDbContext db)
{
    public async Task<IReadOnlyList<string>> ForAsync(Community community, Session session, Language language, CancellationToken ct)
    {
        var texts = SessionTexts.All.For(language);
        var (from, until) = (session.StartsAt - CadenceNorm.MinSpacing, session.StartsAt + CadenceNorm.MinSpacing);
        var near = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == community.Id && s.Id != session.Id && s.Status != SessionStatus.Cancelled && s.StartsAt > from && s.StartsAt < until)
            .OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToListAsync(ct);
        var warnings = near.Select(other => string.Format(texts.WarningTooClose, SessionTime.Describe(other, community.TimeZone, language))).ToList();
        var length = CadenceTexts.All.For(language).Length(session.Duration);
        if (session.Duration < CadenceNorm.AdvisedMinDuration)
        {
            warnings.Add(string.Format(texts.WarningTooShort, length));
        }
        else if (session.Duration > CadenceNorm.AdvisedMaxDuration)
        {
            warnings.Add(string.Format(texts.WarningTooLong, length));
        }
        return warnings;
    }
}
