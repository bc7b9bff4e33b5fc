using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Demo;

/// <summary><c>act as &lt;name or user-id&gt;</c> / <c>act as me</c>: play another person of the same tenant in a demo.</summary>
internal sealed class ActAsCommand(Impersonations impersonations, AppDbContext db, ILogger<ActAsCommand> logger) : IBotCommand
{
    private static readonly string[] Me = ["me", "mij", "mezelf", "myself", "ik"];

    public IReadOnlyList<string> Triggers { get; } = ["act as", "doe als", "speel als"];

    public CommandHelp Help(Language language)
    {
        var texts = DemoTexts.All.For(language);
        return new CommandHelp(texts.ActAsCommand, texts.ActAsWhat) { Audience = CommandAudience.Development, Topic = CommandTopic.Development, Example = language == Language.English ? "act as Megan" : "act as Megan" };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = DemoTexts.All.For(context.Language);
        var sender = context.State.RequireRealPerson();
        var wanted = context.Arguments.Trim();
        if (wanted.Length == 0)
        {
            await context.Turn.ReplyTextAsync(texts.Usage, cancellationToken);
            return;
        }
        if (Me.Contains(wanted))
        {
            impersonations.Set(sender.Id, null);
            await context.Turn.ReplyTextAsync(texts.BackToYourself, cancellationToken);
            return;
        }
        var people = await db.People.Where(p => p.TenantId == sender.TenantId).ToListAsync(cancellationToken);
        var exact = people.Where(p => string.Equals(p.TeamsUserId, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.DisplayName, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = exact.Count > 0 ? exact
            : people.Where(p => p.DisplayName?.Contains(wanted, StringComparison.OrdinalIgnoreCase) == true).ToList();
        switch (matches.Count)
        {
            case 0:
                await context.Turn.ReplyTextAsync(string.Format(texts.NobodyFound, wanted), cancellationToken);
                break;
            case > 1:
                await context.Turn.ReplyTextAsync(string.Format(texts.SeveralFound, wanted, string.Join(", ", matches.Select(p => p.DisplayName))), cancellationToken);
                break;
            default:
                var actor = matches[0];
                impersonations.Set(sender.Id, actor.Id);
                DemoLog.ActingAs(logger, sender.Id, actor.Id);
                await context.Turn.ReplyTextAsync(actor.Id == sender.Id ? texts.BackToYourself : string.Format(texts.NowActingAs, actor.DisplayName), cancellationToken);
                break;
        }
    }
}
