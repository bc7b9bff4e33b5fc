using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tenants;

/// <summary>
/// Shows and changes a tenant's settings for its admins only. The tenant is always the actor's own (nothing in a card
/// names it), so an admin of another tenant, or a forged card, reaches nothing else. Every changed setting is recorded
/// in the history with who and when, in the transaction that saves it; the cache is dropped after the commit.
/// </summary>
internal sealed class TenantSettingsEditor(
    AppDbContext db, ConfiguredTenantSettings configured, StoredTenantSettings cache, SchoolCalendar calendar,
    IOptions<DigestsOptions> digests, TimeProvider clock, ILogger<TenantSettingsEditor> logger)
{
    private const int HistoryLines = 8;

    public async Task<TenantSettingsOutcome> ShowAsync(Person actor, CancellationToken ct) =>
        Refused(actor) ?? new TenantSettingsOutcome(TenantSettingsOutcomeKind.Shown, await ViewAsync(actor.TenantId, ct));

    public async Task<TenantSettingsOutcome> SaveAsync(Person actor, TenantSettingsForm form, Language language, CancellationToken ct)
    {
        if (Refused(actor) is { } refused)
        {
            return refused;
        }
        var view = await ViewAsync(actor.TenantId, ct);
        var parsed = TenantSettingsParser.Parse(form, view, calendar.WithExtraHolidays([]), TenantSettingsTexts.All.For(language), language);
        if (parsed.Errors.Count > 0)
        {
            TenantsLog.SettingsInvalid(logger, actor.TenantId, parsed.Errors.Count);
            return new TenantSettingsOutcome(TenantSettingsOutcomeKind.Invalid, view, parsed.Errors);
        }
        await StoreAsync(actor, view.Current, parsed.Row, ct);
        return new TenantSettingsOutcome(TenantSettingsOutcomeKind.Saved, await ViewAsync(actor.TenantId, ct));
    }

    /// <summary>Every setting back to the configured default (the row stays, with who reset it).</summary>
    public async Task<TenantSettingsOutcome> ResetAsync(Person actor, CancellationToken ct)
    {
        if (Refused(actor) is { } refused)
        {
            return refused;
        }
        var view = await ViewAsync(actor.TenantId, ct);
        await StoreAsync(actor, view.Current, new TenantSettingsRow { TenantId = actor.TenantId }, ct);
        return new TenantSettingsOutcome(TenantSettingsOutcomeKind.Reset, await ViewAsync(actor.TenantId, ct));
    }

    private TenantSettingsOutcome? Refused(Person actor)
    {
        if (actor.IsTenantAdmin)
        {
            return null;
        }
        TenantsLog.SettingsRefused(logger, actor.Id);
        return new TenantSettingsOutcome(TenantSettingsOutcomeKind.NotAllowed);
    }

    private async Task StoreAsync(Person actor, TenantSettings before, TenantSettingsRow values, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var defaults = configured.Defaults(actor.TenantId);
        var after = TenantSettingsRules.Merge(defaults, values);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two admins saving the tenant's first settings at once: one inserts, both then update the same row.
        await db.InsertOrIgnoreAsync(new TenantSettingsRow { TenantId = actor.TenantId, UpdatedAt = now, UpdatedByPersonId = actor.Id }, ct);
        var row = await db.Set<TenantSettingsRow>().SingleAsync(s => s.TenantId == actor.TenantId, ct);
        row.Languages = values.Languages;
        row.QuietHoursStart = values.QuietHoursStart;
        row.QuietHoursEnd = values.QuietHoursEnd;
        row.ExtraHolidays = values.ExtraHolidays;
        row.MinimumResponses = values.MinimumResponses;
        row.DigestDay = values.DigestDay;
        row.DigestTime = values.DigestTime;
        row.RetentionSchoolYears = values.RetentionSchoolYears;
        (row.UpdatedAt, row.UpdatedByPersonId) = (now, actor.Id);
        var changes = TenantSettingsParser.Changes(before, after)
            .Select(c => new TenantSettingsChange { TenantId = actor.TenantId, ByPersonId = actor.Id, At = now, Setting = c.Setting, OldValue = c.Old, NewValue = c.New })
            .ToList();
        db.AddRange(changes);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        cache.Invalidate();
        TenantsLog.SettingsSaved(logger, actor.TenantId, changes.Count, actor.Id);
    }

    private async Task<TenantSettingsView> ViewAsync(string tenantId, CancellationToken ct)
    {
        var defaults = configured.Defaults(tenantId);
        var row = await db.Set<TenantSettingsRow>().AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenantId, ct);
        var changes = await db.Set<TenantSettingsChange>().AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Take(HistoryLines)
            .Select(c => new TenantSettingsChangeLine(c.At, db.People.Where(p => p.Id == c.ByPersonId).Select(p => p.DisplayName ?? p.Email).FirstOrDefault(),
                c.Setting, c.OldValue, c.NewValue))
            .ToListAsync(ct);
        var zone = LocalClock.Zone(digests.Value.For(tenantId).TimeZone);
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(clock.GetUtcNow(), zone));
        return new TenantSettingsView(TenantSettingsRules.Merge(defaults, row), defaults, today, zone, changes);
    }
}
