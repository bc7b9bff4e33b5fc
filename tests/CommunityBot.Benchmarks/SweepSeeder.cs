using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.Communities;
using CommunityBot.Nudges;
using CommunityBot.People;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Benchmarks;

/// <summary>
/// Communities of ten people, each with a held session three weeks ago and a planned one three weeks ahead, ten open
/// agreements due at it, their reminder plans, the briefing and record-nudge plans and the cadence deadline: everything in the future,
/// so no sweep has anything to send.
/// </summary>
internal static class SweepSeeder
{
    private const int PerCommunity = 10;
    private const int CommunitiesPerBatch = 500;
    private const string TenantId = "bench-tenant";

    public static async Task SeedAsync(AppDbContext db, int openAgreements, DateTimeOffset now)
    {
        await db.Database.MigrateAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var communities = (openAgreements + PerCommunity - 1) / PerCommunity;
        for (var first = 0; first < communities; first += CommunitiesPerBatch)
        {
            var batch = Enumerable.Range(first, Math.Min(CommunitiesPerBatch, communities - first))
                .Select(c => (Index: c, Agreements: Math.Min(PerCommunity, openAgreements - (c * PerCommunity))))
                .ToList();
            await SeedBatchAsync(db, batch, now);
            db.ChangeTracker.Clear();
        }
    }

    private static async Task SeedBatchAsync(AppDbContext db, List<(int Index, int Agreements)> batch, DateTimeOffset now)
    {
        var held = now.AddDays(-21);
        var next = now.AddDays(21);
        var worlds = batch.Select(b =>
        {
            var community = new Community { TenantId = TenantId, Name = $"Community {b.Index}", CreatedAt = held };
            var people = Enumerable.Range(0, PerCommunity)
                .Select(p => new Person { TenantId = TenantId, TeamsUserId = $"29:bench-{b.Index}-{p}", DisplayName = $"Teacher {p}", FirstSeenAt = held })
                .ToList();
            var memberships = people.Select((p, i) => new Membership { Community = community, Person = p, Role = i == 0 ? CommunityRole.Coach : CommunityRole.Member, JoinedAt = held }).ToList();
            var sessions = new[]
            {
                new Session { Community = community, StartsAt = held, Status = SessionStatus.Held, CreatedAt = held },
                new Session { Community = community, StartsAt = next, CreatedAt = held },
            };
            return (community, people, memberships, sessions, b.Agreements);
        }).ToList();
        db.AddRange(worlds.SelectMany(w => w.memberships));
        db.AddRange(worlds.SelectMany(w => w.sessions));
        await db.SaveChangesAsync();

        var agreements = worlds.SelectMany(w => Enumerable.Range(0, w.Agreements).Select(i =>
        {
            var agreement = new Agreement
            {
                CommunityId = w.community.Id,
                MadeAtSessionId = w.sessions[0].Id,
                DueSessionId = w.sessions[1].Id,
                Text = $"Agreement {i}",
                RecordedByPersonId = w.people[0].Id,
                CreatedAt = held,
                UpdatedAt = held,
            };
            agreement.Owners.Add(new AgreementOwner { PersonId = w.people[i].Id });
            return agreement;
        })).ToList();
        db.AddRange(agreements);
        await db.SaveChangesAsync();

        var nextSessions = worlds.Select(w => w.sessions[1]).ToList();
        db.AddRange(agreements.SelectMany(a => new[] { 7, 2 }.Select(offset => new ReminderPlan
        {
            AgreementId = a.Id,
            PersonId = a.Owners[0].PersonId,
            OffsetDays = offset,
            SessionId = a.DueSessionId!.Value,
            SessionVersion = 1,
            DueAt = next.AddDays(-offset),
            State = ReminderState.Planned,
            PlannedAt = held,
        })));
        db.AddRange(nextSessions.Select(s => new BriefingPlan { SessionId = s.Id, SessionVersion = 1, DueAt = next.AddDays(-1), State = BriefingState.Planned }));
        db.AddRange(nextSessions.Select(s => new RecordNudgePlan { SessionId = s.Id, SessionVersion = 1, DueAt = next.AddHours(4), Until = next.AddDays(4), State = RecordNudgeState.Planned }));
        db.AddRange(worlds.Select(w => new CadenceDeadline { CommunityId = w.community.Id, NudgeFrom = next.AddDays(35) }));
        await db.SaveChangesAsync();
    }
}
