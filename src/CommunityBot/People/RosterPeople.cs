using CommunityBot.Localization;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.People;

/// <summary>
/// Matches people from a team roster to known people: by Entra object id, then e-mail/UPN, then Teams user id, so
/// that someone imported by e-mail becomes the same person once Teams shows them. New people are added, not saved.
/// </summary>
public sealed class RosterPeople(AppDbContext db, TimeProvider clock)
{
    public async Task<Person> FindOrAddAsync(string tenantId, ChannelAccount member, CancellationToken cancellationToken)
    {
        var email = EmailOf(member);
        var person = await FindAsync(tenantId, member.AadObjectId, email, member.Id, cancellationToken);
        if (person is null)
        {
            person = new Person { TenantId = tenantId, FirstSeenAt = clock.GetUtcNow(), Language = Language.Dutch };
            db.People.Add(person);
        }
        person.TeamsUserId ??= member.Id;
        person.AadObjectId ??= member.AadObjectId;
        person.Email ??= email;
        person.DisplayName ??= member.Name;
        return person;
    }

    public async Task<Person?> FindAsync(string tenantId, string? aadObjectId, string? email, string? teamsUserId, CancellationToken cancellationToken)
    {
        // Local (not yet saved) rows first: a roster may name one person twice, or an import row may follow another.
        var local = db.People.Local.FirstOrDefault(p => p.TenantId == tenantId && Matches(p, aadObjectId, email, teamsUserId));
        if (local is not null)
        {
            return local;
        }
        if (aadObjectId is not null
            && await db.People.SingleOrDefaultAsync(p => p.TenantId == tenantId && p.AadObjectId == aadObjectId, cancellationToken) is { } byAad)
        {
            return byAad;
        }
        if (email is not null
            && await db.People.FirstOrDefaultAsync(p => p.TenantId == tenantId && p.Email == email, cancellationToken) is { } byEmail)
        {
            return byEmail;
        }
        return teamsUserId is null ? null
            : await db.People.SingleOrDefaultAsync(p => p.TenantId == tenantId && p.TeamsUserId == teamsUserId, cancellationToken);
    }

    public static string? EmailOf(ChannelAccount member) =>
        (member.Email ?? member.UserPrincipalName)?.Trim().ToLowerInvariant() is { Length: > 0 } email ? email : null;

    private static bool Matches(Person p, string? aadObjectId, string? email, string? teamsUserId) =>
        (aadObjectId is not null && p.AadObjectId == aadObjectId)
        || (email is not null && p.Email == email)
        || (teamsUserId is not null && p.TeamsUserId == teamsUserId);
}
