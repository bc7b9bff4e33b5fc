using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Demo;

/// <summary>
/// Adds one agreement of each kind to the demo community "Wiskunde eerste graad" (seeded by the communities feature),
/// recorded by its coach, so reminders, answers and the briefing can be shown at once. Does nothing without that
/// community or when it already has agreements.
/// </summary>
internal sealed class DemoAgreements(IServiceScopeFactory scopes) : IHostedService
{
    public const string CommunityName = "Wiskunde eerste graad";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Name == CommunityName, cancellationToken);
        if (community is null || await db.Agreements.AnyAsync(a => a.CommunityId == community.Id, cancellationToken))
        {
            return;
        }
        var people = await CommunityPeople.ActiveAsync(db, community.Id, cancellationToken);
        var coach = CommunityPeople.Coaches(people).FirstOrDefault();
        var members = people.Where(p => p.Role == CommunityRole.Member).Select(p => p.PersonId).ToList();
        if (coach is null || members.Count < 2)
        {
            return;
        }
        var book = scope.ServiceProvider.GetRequiredService<AgreementBook>();
        var actor = await db.People.SingleAsync(p => p.Id == coach.PersonId, cancellationToken);
        var madeAt = (await book.LastStartedSessionAsync(community.Id, cancellationToken))?.Id;
        AgreementDraft[] drafts =
        [
            new() { CommunityId = community.Id, MadeAtSessionId = madeAt, Kind = AgreementKind.Finish, Text = "Lesvoorbereiding hoofdstuk 3 (breuken) afwerken", OwnerIds = [members[0]], DependantIds = [members[1]] },
            new() { CommunityId = community.Id, MadeAtSessionId = madeAt, Kind = AgreementKind.Review, Text = "Artikel van Hattie over feedback lezen", WholeGroup = true },
            new() { CommunityId = community.Id, MadeAtSessionId = madeAt, Kind = AgreementKind.Provide, Text = "Oefenbundel differentiatie delen in het kanaal", OwnerIds = [members[1]], WholeGroupDepends = true },
        ];
        foreach (var draft in drafts)
        {
            await book.RecordAsync(actor, draft, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
