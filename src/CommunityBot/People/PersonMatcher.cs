using System.Linq.Expressions;
using CommunityBot.Limits;
using CommunityBot.Localization;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.People;

/// <summary>
/// The one way to tell who someone is, for first contact, team rosters and imports alike: by Entra object id, then
/// e-mail/UPN, then Teams user id. Someone imported by e-mail thus becomes the same person once Teams shows them.
/// </summary>
public sealed class PersonMatcher(AppDbContext db, TimeProvider clock)
{
    /// <summary>The known person (tracked), unsaved rows of this unit of work first.</summary>
    public async Task<Person?> FindAsync(string tenantId, PersonKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.AadObjectId is { } aad
            && await FirstAsync(p => p.TenantId == tenantId && p.AadObjectId == aad, cancellationToken) is { } byAad)
        {
            return byAad;
        }
        // An e-mail names a row only when that row does not belong to another Entra or Teams identity.
        if (keys.Email is { } email
            && await FirstAsync(p => p.TenantId == tenantId && p.Email == email
                && (keys.AadObjectId == null || p.AadObjectId == null || p.AadObjectId == keys.AadObjectId)
                && (keys.TeamsUserId == null || p.TeamsUserId == null || p.TeamsUserId == keys.TeamsUserId), cancellationToken) is { } byEmail)
        {
            return byEmail;
        }
        return keys.TeamsUserId is { } teamsUserId
            ? await FirstAsync(p => p.TenantId == tenantId && p.TeamsUserId == teamsUserId, cancellationToken)
            : null;
    }

    /// <summary>
    /// The known person with the ids they lacked filled in, or a new one stored at once (insert-or-get, so two
    /// requests meeting the same newcomer end with one row). Changes to a known person are left for the caller to save.
    /// </summary>
    public async Task<Person> FindOrAddAsync(string tenantId, PersonKeys keys, string? displayName, Language language, CancellationToken cancellationToken)
    {
        if (await FindAsync(tenantId, keys, cancellationToken) is { } known)
        {
            await CompleteAsync(known, keys, displayName, cancellationToken);
            return known;
        }
        await db.InsertOrIgnoreAsync(new Person
        {
            TenantId = tenantId,
            TeamsUserId = keys.TeamsUserId,
            AadObjectId = keys.AadObjectId,
            Email = keys.Email,
            DisplayName = StoredName(displayName),
            Language = language,
            FirstSeenAt = clock.GetUtcNow(),
        }, cancellationToken);
        var stored = await FindAsync(tenantId, keys, cancellationToken)
            ?? throw new InvalidOperationException("A person inserted or found by a unique key could not be read back.");
        await CompleteAsync(stored, keys, displayName, cancellationToken);
        return stored;
    }

    /// <summary>
    /// Adds the ids a person lacked; a known id is never overwritten, and an id another row of the tenant already holds
    /// is not taken (two rows of one person stay two until an admin merges them, instead of failing every turn).
    /// </summary>
    public async Task CompleteAsync(Person person, PersonKeys keys, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(keys);
        if (person.AadObjectId is null && keys.AadObjectId is { } aad
            && !await HeldByAnotherAsync(person, p => p.AadObjectId == aad, cancellationToken))
        {
            person.AadObjectId = aad;
        }
        if (person.TeamsUserId is null && keys.TeamsUserId is { } teamsUserId
            && !await HeldByAnotherAsync(person, p => p.TeamsUserId == teamsUserId, cancellationToken))
        {
            person.TeamsUserId = teamsUserId;
        }
        person.Email ??= keys.Email;
        person.DisplayName ??= StoredName(displayName);
    }

    /// <summary>A name as Teams or an import gives it, on one line and without control characters, shortened to fit.</summary>
    private static string? StoredName(string? displayName) =>
        MaxLengths.Cut(ControlCharacters.RemoveFromName(displayName), MaxLengths.DisplayName);

    private async Task<bool> HeldByAnotherAsync(Person person, Expression<Func<Person, bool>> holds, CancellationToken cancellationToken) =>
        Tracked(p => p != person && p.TenantId == person.TenantId, holds).Count > 0
        || await db.People.Where(p => p.TenantId == person.TenantId && p.Id != person.Id).AnyAsync(holds, cancellationToken);

    /// <summary>One condition for tracked rows (an import's earlier lines) and the database alike; the oldest row wins.</summary>
    private async Task<Person?> FirstAsync(Expression<Func<Person, bool>> match, CancellationToken cancellationToken) =>
        Tracked(_ => true, match).MinBy(p => p.Id)
        ?? await db.People.Where(match).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The tracked people in <paramref name="scope"/> that <paramref name="match"/>. A turn tracks none, and then the
    /// condition is not compiled: compiling it cost more CPU than the query itself.
    /// </summary>
    private List<Person> Tracked(Func<Person, bool> scope, Expression<Func<Person, bool>> match)
    {
        if (!db.ChangeTracker.Entries<Person>().Any())
        {
            return [];
        }
        var matches = match.Compile();
        return [.. db.People.Local.Where(p => scope(p) && matches(p))];
    }
}
