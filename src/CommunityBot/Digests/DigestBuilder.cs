namespace CommunityBot.Digests;

/// <summary>Puts recipients and community sections together: every digest of a tenant, or one person's.</summary>
public sealed class DigestBuilder(DigestRecipients recipients, DigestContent content)
{
    public async Task<IReadOnlyList<Digest>> ForTenantAsync(string tenantId, DigestPeriod period, CancellationToken ct)
    {
        var all = await recipients.ForTenantAsync(tenantId, ct);
        var sections = await content.ForTenantAsync(tenantId, period, null, ct);
        return [.. all.Select(r => Assemble(r, period, sections))];
    }

    public async Task<Digest?> ForPersonAsync(string tenantId, long personId, DigestPeriod period, CancellationToken ct)
    {
        var recipient = await recipients.ForPersonAsync(tenantId, personId, ct);
        if (recipient is null)
        {
            return null;
        }
        var sections = await content.ForTenantAsync(tenantId, period, recipient.CommunityIds, ct);
        return Assemble(recipient, period, sections);
    }

    /// <summary>A leader's sections lose the coach-only names here, so no card can show them by mistake.</summary>
    private static Digest Assemble(DigestRecipient recipient, DigestPeriod period, IReadOnlyDictionary<long, CommunityDigest> sections) =>
        new(recipient, period, [.. recipient.CommunityIds
            .Select(id => sections.GetValueOrDefault(id))
            .OfType<CommunityDigest>()
            .Select(s => recipient.Audience == DigestAudience.Leader ? s with { ForCoach = null } : s)]);
}
