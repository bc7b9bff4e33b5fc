using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Tenants;

namespace CommunityBot.CheckIns;

/// <summary>
/// "check-in nu" / "run check-in now" (Development only): opens a round for each of the person's communities now, as the
/// schedule would (the members get the form through the outbox), and shows the person the form here at once.
/// </summary>
internal sealed class RunCheckInNowCommand(CommunityDirectory directory, CheckInBook book, CheckInOpener opener, ITenantSettings tenants, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["check-in nu", "checkin nu", "run check-in now", "run checkin now"];

    public CommandHelp Help(Language language)
    {
        var texts = CheckInTexts.All.For(language);
        return new CommandHelp(texts.DevCommand, texts.DevWhat) { Audience = CommandAudience.Development, Topic = CommandTopic.Development };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = CheckInTexts.All.For(context.Language);
        // The form is the member's own, even in a demo.
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var person = context.State.RequirePerson();
        var communities = await directory.MemberOfAsync(person, null, ct);
        if (communities.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NoCommunity, ct);
            return;
        }
        foreach (var community in communities)
        {
            var checkIn = await opener.OpenAsync(community.Id, ct);
            if (await directory.RoleAsync(person.Id, community.Id, ct) != CommunityRole.Member)
            {
                await context.Turn.ReplyTextAsync(texts.DevOpenedNotMember(community.Name), ct);
                continue;
            }
            var own = await book.OwnAsync(person, community.Id, ct);
            await context.Turn.ReplyTextAsync(texts.DevOpened(community.Name), ct);
            await context.Turn.ReplyCardAsync(CheckInCard.Build(own, own.Round(checkIn.Id)!, (await tenants.ForTenantAsync(person.TenantId, ct)).MinimumResponses, clock.GetUtcNow(), context.Language), ct);
        }
    }
}
