using CommunityBot.Communities;
using CommunityBot.People;

namespace CommunityBot.Bot;

/// <summary>
/// Who a person is where they typed, as <see cref="CommandAudience"/> flags: their roles in the communities of that
/// conversation, and Admin for a tenant admin. The greeting and the suggestions pick commands by it; the help card
/// filters <see cref="CommandHelp.Audience"/> by the same flags.
/// </summary>
public sealed class CommandAudiences(CommunityDirectory communities)
{
    public async Task<CommandAudience> OfAsync(Person person, string? teamId, CancellationToken cancellationToken) =>
        From(await communities.RolesAsync(person, teamId, cancellationToken), person.IsTenantAdmin);

    public static CommandAudience From(IReadOnlySet<CommunityRole> roles, bool isTenantAdmin)
    {
        var audience = isTenantAdmin ? CommandAudience.Admin : CommandAudience.None;
        foreach (var role in roles)
        {
            audience |= role switch
            {
                CommunityRole.Coach => CommandAudience.Coach,
                CommunityRole.CoachTheCoach => CommandAudience.CoachTheCoach,
                CommunityRole.Leader => CommandAudience.Leader,
                _ => CommandAudience.Member,
            };
        }
        return audience;
    }
}
