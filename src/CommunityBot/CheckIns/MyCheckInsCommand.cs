using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;

namespace CommunityBot.CheckIns;

/// <summary>"mijn check-ins" / "my check-ins": the member's own trend in each community where they answer check-ins.</summary>
internal sealed class MyCheckInsCommand(CommunityDirectory directory, CheckInBook book) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["mijn check-ins", "mijn checkins", "my check-ins", "my checkins"];

    public CommandHelp Help(Language language)
    {
        var texts = CheckInTexts.All.For(language);
        return new CommandHelp(texts.MineCommand, texts.MineWhat) { Audience = CommandAudience.Member, Topic = CommandTopic.CheckIns };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = CheckInTexts.All.For(context.Language);
        // Own answers in a channel would be read by the whole team.
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var person = context.State.RequirePerson();
        List<Community> answering = [];
        foreach (var community in await directory.MemberOfAsync(person, null, ct))
        {
            if (await directory.RoleAsync(person.Id, community.Id, ct) == CommunityRole.Member)
            {
                answering.Add(community);
            }
        }
        if (answering.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NoCommunity, ct);
            return;
        }
        foreach (var community in answering)
        {
            await context.Turn.ReplyCardAsync(MyCheckInsCard.Build(await book.OwnAsync(person, community.Id, ct), context.Language), ct);
        }
    }
}
