using CommunityBot.Localization;
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

    /// <summary>When it was read: the cards write their dates against it, with the year only when that is another one.</summary>
    public required DateTimeOffset ReadAt { get; init; }

    /// <summary>Where messages about it go, read with it so an answer does not read its community again.</summary>
    public required CommunityRoute Route { get; init; }

    /// <summary>Each owner's own answer, in the order of <see cref="Owners"/>.</summary>
    public IReadOnlyList<OwnerAnswer> Answers { get; init; } = [];

    public int DoneCount => Answers.Count(a => a.Status == AgreementStatus.Done);

    /// <summary>More than one owner answers, so cards show the group's count ("6 of 9 done").</summary>
    public bool Shared => WholeGroup || Owners.Count > 1;

    public OwnerAnswer? AnswerOf(long personId) => Answers.FirstOrDefault(a => a.Person.Id == personId);

    /// <summary>The person still has it to do and may answer: the buttons are theirs.</summary>
    public bool IsActiveFor(long personId) =>
        IsActive && AnswerOf(personId) is { } answer && Agreement.StillToDo(answer.Status);
}

/// <summary>One owner's own answer; <paramref name="AnsweredBy"/> is the owner, or the coach who closed the agreement.</summary>
public sealed record OwnerAnswer(PersonRef Person, AgreementStatus Status, DateTimeOffset? AnsweredAt, string? AnsweredBy);

public sealed record PersonRef(long Id, string Name, string? TeamsUserId)
{
    public static PersonRef Of(Person person) => new(person.Id, NameOf(person), person.TeamsUserId);

    public static string NameOf(Person person) => person.DisplayName ?? person.Email ?? $"#{person.Id}";
}

/// <summary>The community's tenant, its channel's conversation (if any) and the language the channel is written in.</summary>
public sealed record CommunityRoute(string TenantId, long? ChannelConversationId, Language Language);

public sealed record SessionRef(long Id, DateTimeOffset StartsAt, string? Location, string? OnlineUrl, int Version)
{
    public static SessionRef Of(Session session) => new(session.Id, session.StartsAt, session.Location, session.OnlineUrl, session.Version);
}

public sealed record ChangeRef(string By, DateTimeOffset At, AgreementStatus To, string? Comment);
