using CommunityBot.Localization;
using CommunityBot.Storage;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.People;

/// <summary>Finds or records the person behind an activity, keyed by tenant and Teams user id.</summary>
public sealed class PersonDirectory(AppDbContext db, ConnectorClient connector, TimeProvider clock)
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
                : await db.People.SingleOrDefaultAsync(p => p.TenantId == tenantId && p.AadObjectId == from.AadObjectId, cancellationToken))
            ?? await ImportedByEmailAsync(activity, tenantId, cancellationToken);
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

    /// <summary>
    /// Admins often import people by e-mail only, and activities carry no e-mail: when the tenant has such people
    /// waiting, ask Teams who this newcomer is (once, on first contact) and take over the imported row.
    /// </summary>
    private async Task<Person?> ImportedByEmailAsync(Activity activity, string tenantId, CancellationToken cancellationToken)
    {
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversationId
            || !await db.People.AnyAsync(p => p.TenantId == tenantId && p.TeamsUserId == null && p.Email != null, cancellationToken))
        {
            return null;
        }
        var member = await connector.GetMemberAsync(serviceUrl, conversationId, activity.From!.Id, cancellationToken);
        if (!member.IsSuccess || member.Value is null || RosterPeople.EmailOf(member.Value) is not { } email)
        {
            return null;
        }
        var imported = await db.People.FirstOrDefaultAsync(p => p.TenantId == tenantId && p.TeamsUserId == null && p.Email == email, cancellationToken);
        if (imported is not null)
        {
            imported.AadObjectId ??= member.Value.AadObjectId;
        }
        return imported;
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
