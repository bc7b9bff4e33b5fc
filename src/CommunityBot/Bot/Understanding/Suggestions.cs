using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.People;

namespace CommunityBot.Bot.Understanding;

/// <summary>
/// The two or three things a person can do now, by who they are where they typed: a coach records and follows up
/// agreements, a leader reads the digest, a member sees their agreements (when they have open ones) and the next
/// session. Someone in no community gets help.
/// </summary>
public sealed class Suggestions(HelpAudience audiences, AgreementQueries agreements)
{
    public const int Max = 3;

    private sealed record Suggestion(CommandAudience Audience, CommandChoice Dutch, CommandChoice English, bool OnlyWithOpenAgreements = false);

    private static readonly Suggestion[] ByRole =
    [
        new(CommandAudience.Coach | CommandAudience.Admin, new("afspraken noteren", ""), new("record agreements", "")),
        new(CommandAudience.Coach | CommandAudience.Admin, new("open afspraken", ""), new("open agreements", "")),
        new(CommandAudience.Leader, new("digest", "nu"), new("digest", "now")),
        new(CommandAudience.CoachTheCoach, new("intervisiegroep", ""), new("intervision group", "")),
        new(CommandAudience.Member, new("mijn afspraken", ""), new("my agreements", ""), OnlyWithOpenAgreements: true),
        new(CommandAudience.Member | CommandAudience.Coach | CommandAudience.Leader, new("volgende sessie", ""), new("next session", "")),
    ];

    /// <summary>At most <see cref="Max"/> commands, each a trigger <paramref name="known"/> says exists.</summary>
    public async Task<IReadOnlyList<CommandChoice>> ForAsync(Person person, string? teamId, Language language, Func<string, bool> known, CancellationToken ct)
    {
        var audience = await audiences.OfAsync(person, teamId, ct);
        var hasOpenAgreements = (audience & CommandAudience.Member) != 0 && (await agreements.OpenForOwnerAsync(person.Id, ct)).Count > 0;
        var picked = ByRole
            .Where(s => (s.Audience & audience) != 0 && (!s.OnlyWithOpenAgreements || hasOpenAgreements))
            .Select(s => language == Language.English ? s.English : s.Dutch)
            .Where(c => known(c.Trigger))
            .Take(Max)
            .ToList();
        return picked.Count > 0 ? picked : [new CommandChoice("help", "")];
    }
}
