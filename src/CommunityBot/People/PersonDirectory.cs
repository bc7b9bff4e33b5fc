using CommunityBot.Localization;
using CommunityBot.Storage;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using CommunityBot.Tenants;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.People;

/// <summary>Finds or records the person behind an activity, in the activity's tenant, through the one <see cref="PersonMatcher"/>.</summary>
public sealed class PersonDirectory(AppDbContext db, PersonMatcher matcher, ITenantSettings tenants)
{
    public async Task<Person?> FindOrCreateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var from = activity.From;
        var tenantId = activity.TenantId ?? "";
        if (from is null || string.IsNullOrEmpty(from.Id) || from.Id == activity.Recipient?.Id)
        {
            return null;
        }
        var keys = PersonKeys.Of(from);
        var settings = await tenants.ForTenantAsync(tenantId, cancellationToken);
        var person = await matcher.FindAsync(tenantId, keys, cancellationToken);
        if (person is null)
        {
            if (await ImportedPeopleWaitAsync(tenantId, cancellationToken))
            {
                keys = await WithEmailAsync(turn, keys, cancellationToken);
            }
            person = await matcher.FindOrAddAsync(tenantId, keys, from.Name, settings.Offered(Languages.FromLocale(activity.Locale)), cancellationToken);
        }
        else
        {
            await matcher.CompleteAsync(person, keys, from.Name, cancellationToken);
        }
        // Until a person chooses, they are addressed in the language of their Teams client, also proactively; a language
        // the tenant does not offer (any more) gives way to the tenant's first.
        if (!person.LanguageChosen && activity.Locale is { Length: > 0 } locale)
        {
            person.Language = Languages.FromLocale(locale);
        }
        person.Language = settings.Offered(person.Language);
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

    /// <summary>People imported by e-mail only, whom Teams has not shown to the bot yet.</summary>
    private Task<bool> ImportedPeopleWaitAsync(string tenantId, CancellationToken cancellationToken) =>
        db.People.AnyAsync(p => p.TenantId == tenantId && p.TeamsUserId == null && p.Email != null, cancellationToken);

    /// <summary>
    /// Activities carry no e-mail: for a newcomer while imported people wait, Teams is asked once (on first contact)
    /// who this is, so the matcher can take over the imported row.
    /// </summary>
    private static async Task<PersonKeys> WithEmailAsync(TurnContext turn, PersonKeys keys, CancellationToken cancellationToken)
    {
        if (keys.TeamsUserId is null || turn.Activity.Conversation?.Id is null)
        {
            return keys;
        }
        var member = await turn.GetMemberAsync(keys.TeamsUserId, cancellationToken);
        return member is { IsSuccess: true, Value: { } account }
            ? keys with { Email = PersonKeys.EmailOf(account), AadObjectId = keys.AadObjectId ?? account.AadObjectId }
            : keys;
    }
}
