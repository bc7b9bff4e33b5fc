using CommunityBot.Localization;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.People;

/// <summary>Finds or records the person behind an activity, keyed by tenant and Teams user id.</summary>
public sealed class PersonDirectory(AppDbContext db, TimeProvider clock)
{
    public async Task<Person?> FindOrCreateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var from = activity.From;
        var tenantId = activity.TenantId ?? "";
        if (from is null || string.IsNullOrEmpty(from.Id) || from.Id == activity.Recipient?.Id)
        {
            return null;
        }
        // Imported or roster people are known by Entra object id before Teams shows their Teams user id.
        var person = await db.People.SingleOrDefaultAsync(p => p.TenantId == tenantId && p.TeamsUserId == from.Id, cancellationToken)
            ?? (from.AadObjectId is null ? null
                : await db.People.SingleOrDefaultAsync(p => p.TenantId == tenantId && p.AadObjectId == from.AadObjectId, cancellationToken));
        if (person is null)
        {
            person = new Person
            {
                TenantId = tenantId,
                TeamsUserId = from.Id,
                AadObjectId = from.AadObjectId,
                DisplayName = from.Name,
                Language = Languages.FromLocale(activity.Locale),
                FirstSeenAt = clock.GetUtcNow(),
            };
            db.People.Add(person);
            return await TrySaveNewAsync(person, cancellationToken)
                ? person
                : await db.People.SingleAsync(p => p.TenantId == tenantId && p.TeamsUserId == from.Id, cancellationToken);
        }
        if (person.TeamsUserId is null)
        {
            person.TeamsUserId = from.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        if (person.AadObjectId is null && from.AadObjectId is not null)
        {
            person.AadObjectId = from.AadObjectId;
            await db.SaveChangesAsync(cancellationToken);
        }
        return person;
    }

    /// <summary>The language to answer in: the person's choice, else the Teams client's locale.</summary>
    public static Language LanguageFor(Person? person, Activity activity) =>
        person is { LanguageChosen: true } ? person.Language : Languages.FromLocale(activity.Locale ?? person?.Language.Tag());

    public async Task SetLanguageAsync(Person person, Language language, CancellationToken cancellationToken)
    {
        person.Language = language;
        person.LanguageChosen = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Two first messages of a new person can race; the loser simply reads the winner's row.</summary>
    private async Task<bool> TrySaveNewAsync(Person person, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(person).State = EntityState.Detached;
            return false;
        }
    }
}
