using CommunityBot.Agreements;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Demo;

/// <summary>
/// Adds one agreement of each kind to the freshly seeded demo community, recorded by its coach at the last held
/// session, so reminders, answers and the briefing can be shown at once.
/// </summary>
internal sealed class DemoAgreements(AppDbContext db, AgreementBook book) : IDemoSeedContributor
{
    public async Task SeedAsync(DemoCommunitySeed seed, CancellationToken cancellationToken)
    {
        var coach = await db.People.SingleAsync(p => p.Id == seed.CoachId, cancellationToken);
        var madeAt = seed.PastSessionIds.Count > 0 ? seed.PastSessionIds[^1] : (long?)null;
        var (first, second) = (seed.TeacherIds[0], seed.TeacherIds[1]);
        AgreementDraft[] drafts =
        [
            new() { CommunityId = seed.CommunityId, MadeAtSessionId = madeAt, Kind = AgreementKind.Finish, Text = "Lesvoorbereiding hoofdstuk 3 (breuken) afwerken", OwnerIds = [first], DependantIds = [second] },
            new() { CommunityId = seed.CommunityId, MadeAtSessionId = madeAt, Kind = AgreementKind.Review, Text = "Artikel van Hattie over feedback lezen", WholeGroup = true },
            new() { CommunityId = seed.CommunityId, MadeAtSessionId = madeAt, Kind = AgreementKind.Provide, Text = "Oefenbundel differentiatie delen in het kanaal", OwnerIds = [second], WholeGroupDepends = true },
        ];
        foreach (var draft in drafts)
        {
            await book.RecordAsync(coach, draft, cancellationToken);
        }
    }
}
