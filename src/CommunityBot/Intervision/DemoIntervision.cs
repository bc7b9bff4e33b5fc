using CommunityBot.Demo;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

/// <summary>
/// The demo's intervision group: Nestor Wilke, coach-the-coach of both demo communities, with their coaches Alex Wilber
/// and Diego Siciliani, so that <c>act as Nestor</c>, <c>intervisie plannen</c> works in the playground.
/// </summary>
internal sealed class DemoIntervision(AppDbContext db, TimeProvider clock) : IDemoSeedContributor
{
    public const string GroupName = "Intervisie Sint-Jozef";

    public async Task SeedAsync(DemoCommunitySeed seed, CancellationToken cancellationToken)
    {
        var nestor = await db.People.SingleAsync(p => p.TenantId == seed.TenantId && p.DisplayName == DemoNeighbours.CoachTheCoachName, cancellationToken);
        var diego = await db.People.SingleAsync(p => p.TenantId == seed.TenantId && p.DisplayName == DemoNeighbours.CoachName, cancellationToken);
        var now = clock.GetUtcNow();
        var group = new IntervisionGroup
        {
            TenantId = seed.TenantId,
            Name = GroupName,
            CoachTheCoachId = nestor.Id,
            CreatedAt = now,
            NextProposalAt = now.AddDays(7 * IntervisionGroup.DefaultCadenceWeeks),
        };
        group.Members.AddRange([new IntervisionGroupMember { PersonId = seed.CoachId }, new IntervisionGroupMember { PersonId = diego.Id }]);
        db.Set<IntervisionGroup>().Add(group);
        await db.SaveChangesAsync(cancellationToken);
    }
}
