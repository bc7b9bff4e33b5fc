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
        person.TeamsUserId ??= from.Id;
        person.AadObjectId ??= from.AadObjectId;
        // Until a person chooses, they are addressed in the language of their Teams client, also proactively.
        if (!person.LanguageChosen && activity.Locale is { Length: > 0 } locale)
        {
            person.Language = Languages.FromLocale(locale);
        }
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    /// <summary>The language to answer in: the person's (chosen or last seen), else the activity's locale.</summary>
    public static Language LanguageFor(Person? person, Activity activity) => person?.Language ?? Languages.FromLocale(activity.Locale);

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
