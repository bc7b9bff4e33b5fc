using CommunityBot.People;
using CommunityBot.Sessions;

namespace CommunityBot.Agreements;

/// <summary>
/// An agreement with everything its cards show, already resolved to names and the community's time zone.
/// <paramref name="HasChannel"/>: the community has a channel, so the group can be told there.
/// </summary>
public sealed record AgreementView(
    long Id,
    long CommunityId,
    string CommunityName,
    TimeZoneInfo Zone,
    AgreementKind Kind,
    string Text,
    AgreementStatus Status,
    bool WholeGroup,
    IReadOnlyList<PersonRef> Owners,
    bool WholeGroupDepends,
    IReadOnlyList<PersonRef> Dependants,
    SessionRef? DueSession,
    ChangeRef? LastChange,
    bool HasChannel = true)
{
    public bool IsActive => Status is AgreementStatus.Open or AgreementStatus.NeedHelp;
}

public sealed record PersonRef(long Id, string Name, string? TeamsUserId)
{
    public static PersonRef Of(Person person) => new(person.Id, NameOf(person), person.TeamsUserId);

    public static string NameOf(Person person) => person.DisplayName ?? person.Email ?? $"#{person.Id}";
}

public sealed record SessionRef(long Id, DateTimeOffset StartsAt, string? Location, string? OnlineUrl, int Version)
{
    public static SessionRef Of(Session session) => new(session.Id, session.StartsAt, session.Location, session.OnlineUrl, session.Version);
}

public sealed record ChangeRef(string By, DateTimeOffset At, AgreementStatus To, string? Comment);
