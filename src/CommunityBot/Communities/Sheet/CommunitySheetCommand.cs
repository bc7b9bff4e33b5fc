using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Sheet;

/// <summary>
/// <c>gemeenschap</c> / <c>community</c>: one sheet card per community of the person; in a team's channel only that
/// team's community. Members may see it: it is their own group's sheet.
/// </summary>
internal sealed class CommunitySheetCommand(
    CommunityDirectory directory, SessionQueries sessions, AppDbContext db, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["gemeenschap", "community", "leergemeenschap", "learning community"];

    public CommandHelp Help(Language language)
    {
        var texts = CommunitySheetTexts.All.For(language);
        return new CommandHelp(texts.Command, texts.What) { Audience = CommandAudience.Everyone, Topic = CommandTopic.Community };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var communities = await directory.MemberOfAsync(context.State.RequirePerson(), context.Turn.Activity.TeamId, cancellationToken);
        if (communities.Count == 0)
        {
            await context.Turn.ReplyTextAsync(CommunitySheetTexts.All.For(context.Language).NotInAnyCommunity, cancellationToken);
            return;
        }

        var next = await sessions.NextSessionsAsync(communities.Select(c => c.Id), cancellationToken);
        var person = context.State.RequirePerson();
        // Buttons and pauses only in the person's own chat: in a channel everyone sees the card.
        var personal = context.InPersonalChat;
        foreach (var community in communities)
        {
            var manages = personal && await directory.CanManageAsync(person, community.Id, cancellationToken);
            var sheet = new CommunitySheet(
                community,
                await CommunityPeople.ActiveAsync(db, community.Id, cancellationToken),
                next.GetValueOrDefault(community.Id))
            {
                Actions = !personal ? SheetActions.None : manages ? SheetActions.Manage | SheetActions.Leave : SheetActions.Leave,
                Paused = manages ? await PausedAsync(community, cancellationToken) : [],
            };
            await context.Turn.ReplyCardAsync(CommunitySheetCard.Build(sheet, clock.GetUtcNow(), context.Language), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<PausedPerson>> PausedAsync(Community community, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = LocalClock.Zone(community.TimeZone);
        var rows = await ActiveMembers.PausedAt(db, community.Id, now).AsNoTracking()
            .Select(m => new { m.PausedUntil, Person = m.Person })
            .ToListAsync(cancellationToken);
        // The stored end is the first moment after the pause; the sheet names its last day.
        return [.. rows.Select(r => new PausedPerson(PersonRef.NameOf(r.Person),
                r.PausedUntil is { } until ? DateOnly.FromDateTime(LocalClock.ToLocal(until.AddTicks(-1), zone)) : null))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
