using CommunityBot.Tenants;

namespace CommunityBot.Schedule;

/// <summary>
/// The contact rules of one tenant: its own quiet hours and extra days off over the configured ones. Planners and
/// sweeps ask once per tenant (or community) they handle; the settings are cached, so this costs no query per call.
/// </summary>
public sealed class TenantContactRules(ContactRules rules, ITenantSettings tenants)
{
    public async Task<ContactRules> ForAsync(string tenantId, CancellationToken cancellationToken) =>
        rules.For(await tenants.ForTenantAsync(tenantId, cancellationToken));
}
