using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;

namespace CommunityBot.Sessions;

/// <summary><c>next session</c> / <c>volgende sessie</c>: when and where, in the community's time zone, for each of the person's communities.</summary>
internal sealed class NextSessionCommand(CommunityDirectory directory, SessionQueries queries) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["next session", "volgende sessie", "wanneer is de volgende sessie", "when is the next session"];

    public CommandHelp Help(Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new CommandHelp(texts.NextCommand, texts.NextWhat) { Audience = CommandAudience.Everyone, Topic = CommandTopic.Sessions };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = SessionTexts.All.For(context.Language);
        var communities = await directory.MemberOfAsync(context.State.RequirePerson(), context.Turn.Activity.TeamId, cancellationToken);
        var next = await queries.NextSessionsAsync(communities.Select(c => c.Id), cancellationToken);
        var lines = communities.Select(c => next.TryGetValue(c.Id, out var session)
            ? string.Format(texts.NextSession, c.Name, SessionTime.Describe(session.StartsAt, c.TimeZone, context.Language), SessionTime.Where(session, context.Language))
            : string.Format(texts.NoNextSession, c.Name)).ToList();
        var text = lines.Count == 0 ? texts.NotInAnyCommunity : string.Join("\n\n", lines);
        await context.Turn.ReplyTextAsync(text, cancellationToken);
    }
}
