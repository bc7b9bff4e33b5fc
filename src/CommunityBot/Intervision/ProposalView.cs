using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

public sealed record ProposalPerson(long Id, string Name, string? TeamsUserId, string? AadObjectId, Language Language, string? Email, bool Voted)
{
    /// <summary>The first name, for tallies that must stay short on a phone.</summary>
    public string ShortName => Name.Split(' ', 2)[0];

    /// <summary>Without a Teams or Entra id the bot cannot open a chat with them: no card can reach them.</summary>
    public bool InTeams => TeamsUserId is not null || AadObjectId is not null;
}

public sealed record SlotView(long Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? MissingName, IReadOnlyList<long> VoterIds);

/// <summary>A proposal as every card shows it: the slots with who ticked them, who takes part and where it stands.</summary>
public sealed record ProposalView(
    long Id,
    long GroupId,
    string TenantId,
    string GroupName,
    Language GroupLanguage,
    TimeZoneInfo Zone,
    /// <summary>The round's organiser (<see cref="IntervisionProposal.OrganizerId"/>), not necessarily the group's coach-the-coach now.</summary>
    long CoachTheCoachId,
    ProposalState State,
    DateTimeOffset VoteClosesAt,
    int Revision,
    IReadOnlyList<SlotView> Slots,
    IReadOnlyList<ProposalPerson> Participants,
    long? ChosenSlotId,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? JoinUrl,
    string? OrganizerEmail = null)
{
    public ProposalPerson CoachTheCoach => Participants.Single(p => p.Id == CoachTheCoachId);

    /// <summary>When it was read: the cards write their dates against it, with the year only when that is another one.</summary>
    public required DateTimeOffset ReadAt { get; init; }

    /// <summary>The participants a card can reach; the others were named to the coach-the-coach when it was proposed.</summary>
    public IEnumerable<ProposalPerson> InTeams => Participants.Where(p => p.InTeams);

    public bool AllVoted => Participants.All(p => p.Voted);

    /// <summary>Most votes; on a tie the earliest.</summary>
    public SlotView Best => Slots.OrderByDescending(s => s.VoterIds.Count).ThenBy(s => s.StartsAt).First();

    public SlotView? Chosen => Slots.FirstOrDefault(s => s.Id == ChosenSlotId);

    public string Voters(SlotView slot) =>
        string.Join(", ", Participants.Where(p => slot.VoterIds.Contains(p.Id)).Select(p => p.ShortName));

    public static async Task<ProposalView?> LoadAsync(AppDbContext db, long proposalId, DateTimeOffset now, CancellationToken ct)
    {
        var proposal = await db.Set<IntervisionProposal>().AsNoTracking()
            .Include(p => p.Group).Include(p => p.Slots).Include(p => p.Participants)
            .SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return null;
        }
        var ids = proposal.Participants.Select(p => p.PersonId).Append(proposal.OrganizerId).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var votes = await db.Set<IntervisionVote>().AsNoTracking().Where(v => v.ProposalId == proposalId).ToListAsync(ct);
        var voted = proposal.Participants.ToDictionary(p => p.PersonId, p => p.VotedAt is not null);
        var participants = ids.Select(id => people[id])
            .Select(p => new ProposalPerson(p.Id, PersonRef.NameOf(p), p.TeamsUserId, p.AadObjectId, p.Language, p.Email, voted.GetValueOrDefault(p.Id)))
            .ToList();
        var slots = proposal.Slots.OrderBy(s => s.StartsAt)
            .Select(s => new SlotView(s.Id, s.StartsAt, s.EndsAt,
                s.MissingPersonId is { } missing && people.TryGetValue(missing, out var person) ? PersonRef.NameOf(person) : null,
                [.. votes.Where(v => v.SlotId == s.Id).Select(v => v.PersonId)]))
            .ToList();
        var group = proposal.Group;
        return new ProposalView(proposal.Id, group.Id, group.TenantId, group.Name, group.Language, LocalClock.Zone(group.TimeZone), proposal.OrganizerId,
            proposal.State, proposal.VoteClosesAt, proposal.Revision, slots, participants, proposal.ChosenSlotId, proposal.StartsAt, proposal.EndsAt, proposal.JoinUrl, proposal.OrganizerEmail)
        {
            ReadAt = now,
        };
    }
}
