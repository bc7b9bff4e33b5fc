namespace CommunityBot.Agreements;

/// <summary>An agreement as read under its lock: its stored status and every owner's answer before this change.</summary>
internal sealed record LockedAgreement(AgreementStatus Status, IReadOnlyList<LockedOwner> Owners)
{
    /// <summary>The owners' answers once <paramref name="personId"/> answered <paramref name="to"/>.</summary>
    public IReadOnlyList<AgreementStatus> Answering(long personId, AgreementStatus to) =>
        [.. Owners.Select(o => o.PersonId == personId ? to : o.Status)];

    /// <summary>The owners' answers once a coach closed it as done for everyone.</summary>
    public IReadOnlyList<AgreementStatus> AllDone() => [.. Owners.Select(_ => AgreementStatus.Done)];
}

internal sealed record LockedOwner(long PersonId, AgreementStatus Status);
