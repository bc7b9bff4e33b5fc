using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Intervision;

public enum ProposeOutcome
{
    Proposed,
    AlreadyUnderWay,
    NoOrganizerEmail,
    AccessDenied,
    CalendarUnavailable,
    NoSlots,
}

/// <param name="Unreadable">Participants whose mailbox Graph could not read, and why: named to the coach-the-coach, never skipped silently.</param>
/// <param name="NoEmail">Participants without an e-mail address: no calendar read, no invitation.</param>
/// <param name="NotInTeams">Participants without a Teams or Entra id: no card can reach them.</param>
/// <param name="Problem">Why the calendars could not be read at all (with <see cref="ProposeOutcome.AccessDenied"/> or <see cref="ProposeOutcome.CalendarUnavailable"/>).</param>
public sealed record ProposeResult(
    ProposeOutcome Outcome,
    long? ProposalId = null,
    int SlotCount = 0,
    IReadOnlyList<string>? Participants = null,
    IReadOnlyList<UnreadableCalendar>? Unreadable = null,
    IReadOnlyList<string>? NoEmail = null,
    DateTimeOffset? VoteClosesAt = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    CalendarProblem? Problem = null,
    IReadOnlyList<string>? NotInTeams = null);

public sealed record UnreadableCalendar(string Name, UnreadableReason Reason);

/// <summary>
/// Finds 3–5 times in the window ahead when the group's coach-the-coach and coaches are free (their calendars through
/// <see cref="IIntervisionCalendar"/>, their own community sessions from the database, working days and hours, no
/// school holidays), stores the proposal and sends each participant the vote card, in one transaction.
/// </summary>
public sealed class IntervisionProposer(
    AppDbContext db, IIntervisionCalendar calendar, TenantContactRules tenantRules, Outbox outbox,
    IOptions<IntervisionOptions> options, TimeProvider clock, ILogger<IntervisionProposer> logger)
{
    public async Task<ProposeResult> ProposeAsync(long groupId, CancellationToken ct)
    {
        var group = await db.Set<IntervisionGroup>().Include(g => g.CoachTheCoach).Include(g => g.Members).ThenInclude(m => m.Person)
            .SingleAsync(g => g.Id == groupId, ct);
        if (await UnderWayAsync(groupId, ct))
        {
            return new ProposeResult(ProposeOutcome.AlreadyUnderWay);
        }
        if (group.CoachTheCoach.Email is not { } organizer)
        {
            return new ProposeResult(ProposeOutcome.NoOrganizerEmail);
        }
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var zone = LocalClock.Zone(group.TimeZone);
        var contact = await tenantRules.ForAsync(group.TenantId, ct);
        var schoolCalendar = contact.Calendar;
        var participants = new[] { group.CoachTheCoach }.Concat(group.Members.Select(m => m.Person)).DistinctBy(p => p.Id).ToList();
        var closesAt = VoteDeadline(now, zone, schoolCalendar);
        // Never before the day after the vote closes: holidays push the deadline, and the window must follow it.
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        var afterVote = DateOnly.FromDateTime(LocalClock.ToLocal(closesAt, zone)).AddDays(1);
        var firstDay = today.AddDays(settings.SearchFromDays) > afterVote ? today.AddDays(settings.SearchFromDays) : afterVote;
        while (!schoolCalendar.IsSchoolDay(firstDay))
        {
            firstDay = firstDay.AddDays(1);
        }
        var from = LocalClock.ToInstant(firstDay, TimeOnly.MinValue, zone);
        var to = LocalClock.ToInstant(firstDay.AddDays(settings.SearchDays), TimeOnly.MinValue, zone);
        var withEmail = participants.Where(p => p.Email is not null).ToList();
        IReadOnlyList<CalendarAvailability> availability;
        try
        {
            availability = withEmail.Count == 0 ? [] : await calendar.GetScheduleAsync(organizer, [.. withEmail.Select(p => p.Email!)], from, to, ct);
        }
        catch (CalendarException ex)
        {
            IntervisionLog.CalendarFailed(logger, group.Id, ex.Problem);
            return new ProposeResult(ex.Problem == CalendarProblem.AccessDenied ? ProposeOutcome.AccessDenied : ProposeOutcome.CalendarUnavailable, Problem: ex.Problem);
        }
        var byEmail = withEmail.Zip(availability).ToDictionary(x => x.First.Id, x => x.Second);
        var sessions = await SessionsAsync([.. participants.Select(p => p.Id)], from, to, ct);
        var calendars = participants.Select(p => byEmail.TryGetValue(p.Id, out var found) && found.Readable
                ? new ParticipantCalendar(p.Id, Name(p), true, [.. found.Busy, .. sessions[p.Id]])
                : new ParticipantCalendar(p.Id, Name(p), false, [.. sessions[p.Id]]))
            .ToList();
        var slots = SlotFinder.Find(new SlotQuery(calendars, from, to, group.Duration, zone.Id, group.Days, group.DayStart, group.DayEnd,
            schoolCalendar.IsSchoolDay, TimeSpan.FromMinutes(settings.BufferMinutes), settings.Slots, settings.TentativeIsBusy,
            Required: new HashSet<long> { group.CoachTheCoachId }));
        var unreadable = participants.Where(p => p.Email is not null && !(byEmail.TryGetValue(p.Id, out var a) && a.Readable))
            .Select(p => new UnreadableCalendar(Name(p), byEmail.GetValueOrDefault(p.Id)?.Problem ?? UnreadableReason.NoAnswer)).ToList();
        var noEmail = participants.Where(p => p.Email is null).Select(Name).ToList();
        var notInTeams = participants.Where(p => p.TeamsUserId is null && p.AadObjectId is null).Select(Name).ToList();
        if (slots.Count == 0)
        {
            IntervisionLog.NoSlots(logger, group.Id);
            return new ProposeResult(ProposeOutcome.NoSlots, Unreadable: unreadable, NoEmail: noEmail, From: from, To: to, NotInTeams: notInTeams);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The unique index on a group's open proposal decides a race between the command and the schedule.
        if (!await db.InsertOrIgnoreAsync(new IntervisionProposal
            {
                GroupId = group.Id, OrganizerId = group.CoachTheCoachId, OrganizerEmail = organizer, State = ProposalState.Voting, CreatedAt = now, VoteClosesAt = closesAt,
            }, ct))
        {
            return new ProposeResult(ProposeOutcome.AlreadyUnderWay);
        }
        var proposal = await db.Set<IntervisionProposal>().SingleAsync(p => p.GroupId == group.Id && p.State == ProposalState.Voting, ct);
        proposal.Slots.AddRange(slots.Select(s => new IntervisionSlot { StartsAt = s.Start, EndsAt = s.End, MissingPersonId = s.Missing.Count == 1 ? s.Missing[0] : null }));
        proposal.Participants.AddRange(participants.Select(p => new IntervisionParticipant { PersonId = p.Id }));
        group.NextProposalAt = null;
        await db.SaveChangesAsync(ct);
        var view = (await ProposalView.LoadAsync(db, proposal.Id, clock.GetUtcNow(), ct))!;
        var notBefore = contact.NextContactMoment(now, zone);
        foreach (var person in view.InTeams)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = VoteCardKey(proposal.Id, person.Id),
                TenantId = group.TenantId,
                PersonId = person.Id,
                Card = VoteCard.Build(view, person.Id, person.Language),
                NotBefore = notBefore,
                Purpose = "intervision-vote",
                Priority = DeliveryPriority.Normal,
            }, ct);
        }
        await transaction.CommitAsync(ct);
        IntervisionLog.Proposed(logger, group.Id, proposal.Id, slots.Count);
        return new ProposeResult(ProposeOutcome.Proposed, proposal.Id, slots.Count, [.. participants.Select(Name)], unreadable, noEmail, closesAt, from, to, NotInTeams: notInTeams);
    }

    public static string VoteCardKey(long proposalId, long personId) => $"intervision-vote:{proposalId}:p{personId}";

    public Task<bool> UnderWayAsync(long groupId, CancellationToken ct) =>
        db.Set<IntervisionProposal>().AnyAsync(p => p.GroupId == groupId
            && (p.State == ProposalState.Voting || p.State == ProposalState.AwaitingConfirmation || p.State == ProposalState.Chosen || p.State == ProposalState.Booking), ct);

    /// <summary>So many school days after today, at the same time of day: a weekend or holiday does not eat the time to vote.</summary>
    private DateTimeOffset VoteDeadline(DateTimeOffset now, TimeZoneInfo zone, SchoolCalendar schoolCalendar)
    {
        var local = LocalClock.ToLocal(now, zone);
        var day = DateOnly.FromDateTime(local);
        for (var counted = 0; counted < options.Value.VoteSchoolDays;)
        {
            day = day.AddDays(1);
            if (schoolCalendar.IsSchoolDay(day))
            {
                counted++;
            }
        }
        return LocalClock.ToInstant(day, TimeOnly.FromDateTime(local), zone);
    }

    /// <summary>The planned sessions of every community each participant is in: they are busy then, whatever Outlook says.</summary>
    private async Task<ILookup<long, BusyInterval>> SessionsAsync(IReadOnlyList<long> personIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        // A session starting up to a day before the window may still run into it.
        var earliest = from.AddDays(-1);
        var rows = await (
                from m in db.Memberships.AsNoTracking()
                join s in db.Sessions.AsNoTracking() on m.CommunityId equals s.CommunityId
                where personIds.Contains(m.PersonId) && m.LeftAt == null && s.Status == SessionStatus.Planned && s.StartsAt >= earliest && s.StartsAt < to
                select new { m.PersonId, s.StartsAt, s.Duration })
            .ToListAsync(ct);
        return rows.Where(r => r.StartsAt + r.Duration > from)
            .ToLookup(r => r.PersonId, r => new BusyInterval(r.StartsAt, r.StartsAt + r.Duration, BusyKind.Busy));
    }

    private static string Name(Person person) => Agreements.PersonRef.NameOf(person);
}
