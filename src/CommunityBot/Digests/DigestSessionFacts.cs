using System.Linq.Expressions;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>A community's sessions as the digest counts them at the end of the period.</summary>
public sealed record SessionFacts(int HeldThisSchoolYear, DateTimeOffset? LastHeld, DateTimeOffset? NextPlanned)
{
    public static readonly SessionFacts None = new(0, null, null);
}

/// <summary>
/// Sessions per community in three grouped queries (GROUP BY community), whatever the number of communities: held this
/// school year, the last held before the period's end and the first planned from it. Cancelled sessions never count.
/// </summary>
public sealed class DigestSessionFacts(AppDbContext db)
{
    /// <param name="zones">The communities' time zones: each school year starts on 1 September, local time.</param>
    public async Task<IReadOnlyDictionary<long, SessionFacts>> ForAsync(IQueryable<long> ids, IReadOnlyCollection<string> zones, DateTimeOffset to, CancellationToken ct)
    {
        var held = db.Sessions.AsNoTracking().Where(s => ids.Contains(s.CommunityId) && s.Status == SessionStatus.Held && s.StartsAt < to);
        var thisYear = await held.Where(InSchoolYear(zones, to))
            .GroupBy(s => s.CommunityId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var last = await held.GroupBy(s => s.CommunityId)
            .Select(g => new { g.Key, At = g.Max(s => s.StartsAt) })
            .ToDictionaryAsync(g => g.Key, g => g.At, ct);
        var next = await db.Sessions.AsNoTracking()
            .Where(s => ids.Contains(s.CommunityId) && s.Status == SessionStatus.Planned && s.StartsAt >= to)
            .GroupBy(s => s.CommunityId)
            .Select(g => new { g.Key, At = g.Min(s => s.StartsAt) })
            .ToDictionaryAsync(g => g.Key, g => g.At, ct);
        return last.Keys.Union(next.Keys).ToDictionary(id => id, id => new SessionFacts(
            thisYear.GetValueOrDefault(id),
            last.TryGetValue(id, out var l) ? l : null,
            next.TryGetValue(id, out var n) ? n : null));
    }

    /// <summary>The school year's start (1 September, 00:00 local) of the moment <paramref name="to"/>, in a zone.</summary>
    public static DateTimeOffset SchoolYearStart(DateTimeOffset to, TimeZoneInfo zone)
    {
        // The period ends at the start of a day; the year it reports on is that of the period's last moment.
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(to.AddTicks(-1), zone));
        return LocalClock.ToInstant(new DateOnly(FlemishSchoolCalendar.SchoolYearOf(day), 9, 1), TimeOnly.MinValue, zone);
    }

    /// <summary>
    /// One condition per time zone in use (usually one): <c>(zone = z1 AND StartsAt &gt;= start1) OR …</c>, so each
    /// community counts from its own 1 September in the same single query.
    /// </summary>
    private static Expression<Func<Session, bool>> InSchoolYear(IEnumerable<string> zones, DateTimeOffset to)
    {
        var session = Expression.Parameter(typeof(Session), "s");
        var zone = Expression.Property(Expression.Property(session, nameof(Session.Community)), nameof(Communities.Community.TimeZone));
        var startsAt = Expression.Property(session, nameof(Session.StartsAt));
        Expression body = Expression.Constant(false);
        foreach (var id in zones)
        {
            var start = SchoolYearStart(to, LocalClock.Zone(id));
            body = Expression.OrElse(body, Expression.AndAlso(
                Expression.Equal(zone, Expression.Constant(id)),
                Expression.GreaterThanOrEqual(startsAt, Expression.Constant(start))));
        }
        return Expression.Lambda<Func<Session, bool>>(body, session);
    }
}
