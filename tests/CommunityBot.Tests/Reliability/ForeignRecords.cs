using CommunityBot.Agreements;
using CommunityBot.Intervision;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.CheckIns;
using Microsoft.EntityFrameworkCore;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Reliability;

/// <summary>
/// One record of every kind a card names by id (community, sessions, an agreement and an answer to it, a check-in,
/// an intervision group with a proposal and its slot), and people who have no business with them: someone of the
/// tenant in no community, and someone of another tenant.
/// </summary>
public sealed class ForeignRecords
{
    public const string OtherTenant = "9b1c4f7e-0a2d-4e3f-8c5b-6d7e8f9a0b1c";

    /// <summary>An id no table reaches in a test: "does not exist".</summary>
    public const long Missing = 987_654;

    public static readonly ChannelAccount Abroad = new() { Id = "29:abroad", Name = "Anouk Elders", AadObjectId = "aad-abroad" };

    private ForeignRecords(AgreementWorld world) => World = world;

    public AgreementWorld World { get; }

    /// <summary>The real id for a data property named after its record ("agreementId" …); null for other properties.</summary>
    public IReadOnlyDictionary<string, long> Ids => ids;

    private readonly Dictionary<string, long> ids = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<ForeignRecords> CreateAsync(BotApplication app)
    {
        var world = await AgreementWorld.CreateAsync(app);
        var records = new ForeignRecords(world);
        await world.RecordViaCardAsync("Finish", "Toetsen samen nakijken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var agreementId = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(agreementId, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-2", Megan));
        var changeId = await app.QueryAsync(db => db.AgreementChanges.Select(c => c.Id).MaxAsync());
        var checkInId = await CheckInWorld.OpenAsync(app, world.CommunityId);
        var (groupId, proposalId, slotId) = await app.QueryAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var group = new IntervisionGroup { TenantId = TeamsActivities.TenantId, Name = "Intervisie", CoachTheCoachId = world.Id(Coach), CreatedAt = now, NextProposalAt = now.AddDays(42) };
            group.Members.Add(new IntervisionGroupMember { PersonId = world.Id(Megan) });
            db.Set<IntervisionGroup>().Add(group);
            await db.SaveChangesAsync();
            var proposal = new IntervisionProposal { GroupId = group.Id, CreatedAt = now, VoteClosesAt = now.AddDays(3), OrganizerId = world.Id(Coach) };
            proposal.Slots.Add(new IntervisionSlot { StartsAt = now.AddDays(7), EndsAt = now.AddDays(7).AddHours(1) });
            proposal.Participants.Add(new IntervisionParticipant { PersonId = world.Id(Megan) });
            db.Set<IntervisionProposal>().Add(proposal);
            await db.SaveChangesAsync();
            return (group.Id, proposal.Id, proposal.Slots[0].Id);
        });
        records.ids["agreementId"] = agreementId;
        records.ids["changeId"] = changeId;
        records.ids["sessionId"] = world.NextSessionId;
        records.ids["communityId"] = world.CommunityId;
        records.ids["checkInId"] = checkInId;
        records.ids["groupId"] = groupId;
        records.ids["proposalId"] = proposalId;
        records.ids["slotId"] = slotId;
        records.ids["personId"] = world.Id(Megan);
        return records;
    }

    /// <summary>An activity of the other tenant (same fake Teams, its own conversation).</summary>
    public static Activity FromAbroad(Activity activity)
    {
        activity.ChannelData!.Tenant = new TenantInfo { Id = OtherTenant };
        activity.Conversation!.TenantId = OtherTenant;
        return activity;
    }
}
