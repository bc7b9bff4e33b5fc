using System.Globalization;
using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Communities.Cadence;
using CommunityBot.Digests;
using CommunityBot.People;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Digests;

/// <summary>A community seeded for the digest: its coach and members by id.</summary>
public sealed record SeededCommunity(long Id, long CoachId, IReadOnlyList<long> MemberIds);

/// <summary>
/// Rows for the digest tests, written straight into the real host's database: the digest only reads, so its tests
/// seed what the other features would have written. The period is the week before Monday 2 March 2026 in Brussels.
/// </summary>
public sealed class DigestContentWorld(BotApplication app)
{
    /// <summary>Monday 2 March 2026, 00:00 in Brussels: the end of the period the digest of that Monday reports on.</summary>
    public static readonly DateTimeOffset To = new(2026, 3, 1, 23, 0, 0, TimeSpan.Zero);

    public static readonly DigestPeriod Period = new(new DateOnly(2026, 3, 2), To.AddDays(-7), To);

    public BotApplication App => app;

    public static async Task<DigestContentWorld> StartAsync(int? minimumResponses = null, Action<IServiceCollection>? services = null)
    {
        var app = await BotApplication.StartAsync(s =>
        {
            if (minimumResponses is { } k)
            {
                s["CheckIns:MinimumResponses"] = k.ToString(CultureInfo.InvariantCulture);
            }
        }, services);
        return new DigestContentWorld(app);
    }

    /// <summary>A moment <paramref name="days"/> days before the period's end (negative: after it), at 15:00 UTC.</summary>
    public static DateTimeOffset DaysBefore(double days) => To.AddDays(-days).AddHours(16);

    public Task<SeededCommunity> CommunityAsync(string name, CadenceKind kind = CadenceKind.EveryNWeeks, int count = 6, int members = 4, string? coach = null) =>
        app.QueryAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var people = Enumerable.Range(0, members + 1).Select(i => new Person
            {
                TenantId = TeamsActivities.TenantId,
                DisplayName = i == 0 ? coach ?? $"Coach {name}" : $"Teacher {i} {name}",
                FirstSeenAt = now,
            }).ToList();
            db.People.AddRange(people);
            var community = new Community { TenantId = TeamsActivities.TenantId, Name = name, CadenceKind = kind, CadenceCount = count, CreatedAt = now };
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            db.Memberships.AddRange(people.Select((p, i) => new Membership
            {
                CommunityId = community.Id,
                PersonId = p.Id,
                Role = i == 0 ? CommunityRole.Coach : CommunityRole.Member,
                JoinedAt = now,
            }));
            await db.SaveChangesAsync();
            return new SeededCommunity(community.Id, people[0].Id, [.. people.Skip(1).Select(p => p.Id)]);
        });

    public Task<long> SessionAsync(long communityId, DateTimeOffset startsAt, SessionStatus status = SessionStatus.Held) =>
        app.QueryAsync(async db =>
        {
            var session = new Session { CommunityId = communityId, StartsAt = startsAt, Status = status, CreatedAt = app.Clock.GetUtcNow() };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });

    public Task AttendanceAsync(long sessionId, IEnumerable<long> present, IEnumerable<long> absent) =>
        app.QueryAsync(db =>
        {
            db.Attendance.AddRange(present.Select(p => new Attendance { SessionId = sessionId, PersonId = p, Present = true }));
            db.Attendance.AddRange(absent.Select(p => new Attendance { SessionId = sessionId, PersonId = p, Present = false }));
            return db.SaveChangesAsync();
        });

    /// <summary>An agreement with its owners' own answers; its status is derived from them, as the book does.</summary>
    public Task<long> AgreementAsync(long communityId, string text, DateTimeOffset createdAt, long? dueSessionId, params (long Person, AgreementStatus Status, DateTimeOffset? At)[] owners) =>
        app.QueryAsync(async db =>
        {
            var agreement = new Agreement
            {
                CommunityId = communityId,
                Text = text,
                DueSessionId = dueSessionId,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
                Status = Agreement.Derive([.. owners.Select(o => o.Status)]),
            };
            agreement.Owners.AddRange(owners.Select(o => new AgreementOwner { PersonId = o.Person, Status = o.Status, AnsweredAt = o.At }));
            db.Agreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement.Id;
        });

    /// <summary>A coach's carry-over or drop at a moment (the history row and, for a drop, the status).</summary>
    public Task CoachChangeAsync(long agreementId, long coachId, AgreementChangeKind kind, DateTimeOffset at) =>
        app.QueryAsync(async db =>
        {
            var agreement = await db.Agreements.SingleAsync(a => a.Id == agreementId);
            var to = kind == AgreementChangeKind.Dropped ? AgreementStatus.Dropped : agreement.Status;
            db.AgreementChanges.Add(new AgreementChange { AgreementId = agreementId, PersonId = coachId, Kind = kind, At = at, From = agreement.Status, To = to });
            agreement.Status = to;
            return await db.SaveChangesAsync();
        });

    /// <summary>
    /// A check-in round with one response per entry of <paramref name="scores"/>: per condition the score every
    /// statement of it gets after reverse scoring (a member answering 6 − score on a reverse statement).
    /// </summary>
    public Task<long> RoundAsync(long communityId, DateTimeOffset opensAt, IReadOnlyList<int[]> scores, bool open = false, int? invited = null) =>
        app.QueryAsync(async db =>
        {
            var instrument = app.Services.GetRequiredService<InstrumentCatalog>().Current;
            var round = new CheckIn
            {
                CommunityId = communityId,
                InstrumentVersion = instrument.Version,
                OpensAt = opensAt,
                ClosesAt = opensAt.AddDays(5),
                State = open ? CheckInState.Open : CheckInState.Closed,
                InvitedCount = invited ?? Math.Max(4, scores.Count),
            };
            db.CheckIns.Add(round);
            await db.SaveChangesAsync();
            foreach (var (score, i) in scores.Select((s, i) => (s, i)))
            {
                var response = new CheckInResponse { CheckInId = round.Id, Pseudonym = $"p{round.Id}-{i}", KeyVersion = 1, Comment = $"comment {i}", AnsweredAt = opensAt };
                response.Answers.AddRange(instrument.Items.Select(item =>
                {
                    var value = score[(int)item.Condition];
                    return new CheckInAnswer { ItemId = item.Id, Value = item.Reverse ? instrument.Max + instrument.Min - value : value };
                }));
                db.CheckInResponses.Add(response);
            }
            await db.SaveChangesAsync();
            return round.Id;
        });

    public Task PhaseChangeAsync(long communityId, long byPersonId, CommunityPhase from, CommunityPhase to, DateTimeOffset at) =>
        app.QueryAsync(async db =>
        {
            db.CommunityChanges.Add(new CommunityChange
            {
                CommunityId = communityId,
                ByPersonId = byPersonId,
                At = at,
                Kind = CommunityChangeKind.Phase,
                OldValue = from.ToString(),
                NewValue = to.ToString(),
            });
            await db.Communities.Where(c => c.Id == communityId).ExecuteUpdateAsync(set => set.SetProperty(c => c.Phase, to));
            return await db.SaveChangesAsync();
        });

    public async Task<IReadOnlyDictionary<long, CommunityDigest>> ContentAsync(DigestPeriod? period = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestContent>().ForTenantAsync(TeamsActivities.TenantId, period ?? Period, null, CancellationToken.None);
    }

    /// <summary>Every condition the same score.</summary>
    public static int[] All(int score) => [.. Enumerable.Repeat(score, Enum.GetValues<CheckInCondition>().Length)];
}
