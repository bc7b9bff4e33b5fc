namespace CommunityBot.Digests;

/// <summary>Puts recipients and community sections together: every digest of a tenant, or one person's.</summary>
public sealed class DigestBuilder(DigestRecipients recipients, DigestContent content)
{
    /// <summary>Every digest of the tenant for the period: the recipients and all sections, each in one pass.</summary>
    public async Task<IReadOnlyList<Digest>> ForTenantAsync(string tenantId, DigestPeriod period, CancellationToken ct)
    {
        var all = await recipients.ForTenantAsync(tenantId, ct);
        if (all.Count == 0)
        {
            return [];
        }
        var sections = await content.ForTenantAsync(tenantId, period, null, ct);
        return [.. all.Select(r => Assemble(r, period, sections))];
    }

    /// <summary>One person's digest (<c>digest nu</c>); null when they lead, coach nor coach the coach of any community.</summary>
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

    /// <summary>
    /// A section the person sees as a leader (counts only) loses the coach-only names here, so no card can show them by
    /// mistake, also in the digest of someone who coaches another community.
    /// </summary>
    private static Digest Assemble(DigestRecipient recipient, DigestPeriod period, IReadOnlyDictionary<long, CommunityDigest> sections) =>
        new(recipient, period, [.. recipient.CommunityIds
            .Select(id => sections.GetValueOrDefault(id))
            .OfType<CommunityDigest>()
            .Select(s => recipient.AudienceOf(s.CommunityId) == DigestAudience.Leader ? s with { ForCoach = null } : s)]);
}
