using CommunityBot.Communities;
using CommunityBot.People;

namespace CommunityBot.Bot;

/// <summary>
/// Who someone is where they typed: their roles in the community of this team (in a personal chat, in all of theirs),
/// admin when they administer the tenant, and the development aids when the host runs in Development.
/// </summary>
public sealed class HelpAudience(CommunityDirectory directory, IHostEnvironment environment)
{
    public async Task<CommandAudience> OfAsync(Person? person, string? teamId, CancellationToken ct)
    {
        var audience = environment.IsDevelopment() ? CommandAudience.Development : CommandAudience.None;
        if (person is null)
        {
            return audience;
        }
        foreach (var role in await directory.RolesAsync(person, teamId, ct))
        {
            audience |= role switch
            {
                CommunityRole.Coach => CommandAudience.Coach,
                CommunityRole.CoachTheCoach => CommandAudience.CoachTheCoach,
                CommunityRole.Leader => CommandAudience.Leader,
                _ => CommandAudience.Member,
            };
        }
        return person.IsTenantAdmin ? audience | CommandAudience.Admin : audience;
    }

    /// <summary>
    /// A command is for this person when one of its roles is theirs; the general commands (help, language) are for
    /// everyone, also someone not in any community yet; development aids only in Development.
    /// </summary>
    public static bool Shows(CommandHelp command, CommandAudience audience) =>
        command.Topic == CommandTopic.General
        || (command.Audience.HasFlag(CommandAudience.Development)
            ? audience.HasFlag(CommandAudience.Development)
            : (command.Audience & audience & CommandAudience.Everyone) != 0);
}
