using CommunityBot.Bot;
using CommunityBot.Localization;

namespace CommunityBot.Communities.Participation;

/// <summary><c>verlaat &lt;gemeenschap&gt;</c> / <c>leave &lt;community&gt;</c>: answers with the card that says what leaving means; nothing changes yet.</summary>
internal sealed class LeaveCommand(CommunityDirectory directory) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["verlaat", "verlaten", "leave"];

    public CommandHelp Help(Language language)
    {
        var texts = ParticipationTexts.All.For(language);
        return new CommandHelp(texts.LeaveCommand, texts.LeaveWhat) { Audience = CommandAudience.Everyone, Topic = CommandTopic.Community, Example = language == Language.English ? "leave Maths" : "verlaat Wiskunde" };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = ParticipationTexts.All.For(context.Language);
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.OnlyInPersonalChat, cancellationToken);
            return;
        }
        var communities = await directory.MemberOfAsync(context.State.RequirePerson(), null, cancellationToken);
        if (communities.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NotInAnyCommunity, cancellationToken);
            return;
        }
        var name = context.Arguments.Trim();
        // The whole name, or a part of it that points at one community; with one community the name may be left out.
        var matches = name.Length == 0 ? communities
            : communities.Where(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList() is { Count: 1 } exact ? exact
            : [.. communities.Where(c => c.Name.Contains(name, StringComparison.OrdinalIgnoreCase))];
        if (matches.Count != 1)
        {
            await context.Turn.ReplyTextAsync(string.Format(texts.WhichCommunity, string.Join(", ", communities.Select(c => c.Name))), cancellationToken);
            return;
        }
        await context.Turn.ReplyCardAsync(LeaveCard.Build(matches[0], context.Language), cancellationToken);
    }
}
