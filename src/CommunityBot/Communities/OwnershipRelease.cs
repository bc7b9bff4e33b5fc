using CommunityBot.Agreements;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities;

/// <summary>
/// Takes a person off open agreements of a community when their place in it changes, and lets each agreement follow the
/// owners it keeps (status, reminders, the channel's summary). Call inside the transaction of the role change or the leave.
/// </summary>
public sealed class OwnershipRelease(AppDbContext db, AgreementBook book)
{
    /// <summary>Leaders, coaches and coaches-the-coach never own the whole group's homework.</summary>
    public Task ReleaseWholeGroupAsync(long communityId, long personId, CancellationToken ct) =>
        ReleaseAsync(communityId, personId, wholeGroupOnly: true, ct);

    /// <summary>
    /// Someone who leaves owns nothing open any more. Returns the texts of the agreements that now have no owner at
    /// all, which the coach re-assigns.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReleaseAllAsync(long communityId, long personId, CancellationToken ct)
    {
        var soleOwner = await OpenOwned(communityId, personId, wholeGroupOnly: false)
            .Where(a => a.Owners.All(o => o.PersonId == personId)).OrderBy(a => a.Id).Select(a => a.Text).ToListAsync(ct);
        await ReleaseAsync(communityId, personId, wholeGroupOnly: false, ct);
        return soleOwner;
    }

    private async Task ReleaseAsync(long communityId, long personId, bool wholeGroupOnly, CancellationToken ct)
    {
        var ids = await OpenOwned(communityId, personId, wholeGroupOnly).Select(a => a.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return;
        }
        await db.Set<AgreementOwner>().Where(o => o.PersonId == personId && ids.Contains(o.AgreementId)).ExecuteDeleteAsync(ct);
        await book.OwnersChangedAsync(ids, ct);
    }

    private IQueryable<Agreement> OpenOwned(long communityId, long personId, bool wholeGroupOnly) =>
        db.Agreements.Where(a => a.CommunityId == communityId && (!wholeGroupOnly || a.WholeGroup)
            && (a.Status == AgreementStatus.Open || a.Status == AgreementStatus.NeedHelp)
            && a.Owners.Any(o => o.PersonId == personId));
}
