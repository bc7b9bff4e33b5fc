using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Storage;

namespace CommunityBot.Communities.Sheet;

/// <summary>
/// <c>gemeenschap</c> / <c>community</c>: one sheet card per community of the person; in a team's channel only that
/// team's community. Members may see it: it is their own group's sheet.
/// </summary>
internal sealed class CommunitySheetCommand(
    CommunityDirectory directory, SessionQueries sessions, AppDbContext db) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["gemeenschap", "community", "leergemeenschap", "learning community"];

    public CommandHelp Help(Language language)
    {
        var texts = CommunitySheetTexts.All.For(language);
        return new CommandHelp(texts.Command, texts.What);
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var communities = await directory.MemberOfAsync(context.State.RequirePerson(), context.Turn.Activity.TeamId, cancellationToken);
        if (communities.Count == 0)
        {
            await context.Turn.ReplyTextAsync(CommunitySheetTexts.All.For(context.Language).NotInAnyCommunity, cancellationToken);
            return;
        }

        var actor = context.State.RequirePerson();
        var next = await sessions.NextSessionsAsync(communities.Select(c => c.Id), cancellationToken);
        foreach (var community in communities)
        {
            var sheet = new CommunitySheet(
                community,
                await CommunityPeople.ActiveAsync(db, community.Id, cancellationToken),
                next.GetValueOrDefault(community.Id))
            {
                CanManage = await directory.CanManageAsync(actor, community.Id, cancellationToken),
            };
            await context.Turn.ReplyCardAsync(CommunitySheetCard.Build(sheet, context.Language), cancellationToken);
        }
    }
}
