using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Cadence;

public enum CadenceOutcomeKind
{
    Allowed,
    Saved,
    Invalid,
    NotAllowed,
    UnknownCommunity,
}

public sealed record CadenceOutcome(CadenceOutcomeKind Kind, Community? Community = null, IReadOnlyList<string>? Errors = null);

/// <summary>
/// Changes a community's rhythm and planned session length for a coach or tenant admin. Every call re-checks the actor
/// against the community, whatever the card said; the plan nudge's deadline moves in the same transaction.
/// </summary>
public sealed class CadenceEditor(AppDbContext db, CommunityDirectory access, IEnumerable<ICadenceListener> listeners, ILogger<CadenceEditor> logger)
{
    public async Task<CadenceOutcome> AuthorizeAsync(Person actor, long? communityId, CancellationToken ct)
    {
        var community = communityId is null ? null
            : await db.Communities.SingleOrDefaultAsync(c => c.Id == communityId && c.TenantId == actor.TenantId, ct);
        if (community is null)
        {
            return new CadenceOutcome(CadenceOutcomeKind.UnknownCommunity);
        }
        if (!await access.CanManageAsync(actor, community.Id, ct))
        {
            CommunitiesLog.CadenceRefused(logger, actor.Id, community.Id);
            return new CadenceOutcome(CadenceOutcomeKind.NotAllowed);
        }
        return new CadenceOutcome(CadenceOutcomeKind.Allowed, community);
    }

    public async Task<CadenceOutcome> SaveAsync(Person actor, CadenceForm form, Language language, CancellationToken ct)
    {
        var authorized = await AuthorizeAsync(actor, form.CommunityId, ct);
        if (authorized.Kind != CadenceOutcomeKind.Allowed)
        {
            return authorized;
        }
        var community = authorized.Community!;
        var texts = CadenceTexts.All.For(language);
        var errors = new List<string>();
        var kind = form.Kind switch
        {
            CadenceCard.KindEveryWeeks => CadenceKind.EveryNWeeks,
            CadenceCard.KindPerYear => CadenceKind.PerSchoolYear,
            _ => (CadenceKind?)null,
        };
        int? count = null;
        if (kind is null)
        {
            errors.Add(texts.ErrorKind);
        }
        else
        {
            var (min, max) = CadenceNorm.CountRange(kind.Value);
            count = int.TryParse(kind == CadenceKind.EveryNWeeks ? form.Weeks : form.PerYear, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && CadenceNorm.IsValidCount(kind.Value, n) ? n : null;
            if (count is null)
            {
                errors.Add(string.Format(kind == CadenceKind.EveryNWeeks ? texts.ErrorWeeks : texts.ErrorPerYear, min, max));
            }
        }
        var duration = CadenceNorm.ParseMinutes(form.Duration);
        if (duration is null || !CadenceNorm.IsValidDuration(duration.Value))
        {
            errors.Add(texts.ErrorDuration);
        }
        if (errors.Count > 0)
        {
            return new CadenceOutcome(CadenceOutcomeKind.Invalid, community, errors);
        }
        (community.CadenceKind, community.CadenceCount, community.SessionDuration) = (kind!.Value, count!.Value, duration!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var listener in listeners)
        {
            await listener.CadenceChangedAsync(community.Id, ct);
        }
        await transaction.CommitAsync(ct);
        CommunitiesLog.CadenceChanged(logger, community.Id, actor.Id);
        return new CadenceOutcome(CadenceOutcomeKind.Saved, community);
    }
}
