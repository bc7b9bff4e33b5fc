using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

/// <summary>"intervisiegroep" / "intervision group": the card of each group the person leads (or, for an admin, every group).</summary>
internal sealed class GroupCommand(GroupEditor editor) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["intervisiegroep", "intervisiegroepen", "intervision group", "intervision groups"];

    public CommandHelp Help(Language language)
    {
        var texts = IntervisionTexts.All.For(language);
        return new CommandHelp(texts.GroupCommand, texts.GroupWhat) { Audience = CommandAudience.CoachTheCoach | CommandAudience.Admin, Topic = CommandTopic.Intervision };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(context.Language);
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var sheets = await editor.ManagedByAsync(context.State.RequirePerson(), ct);
        if (sheets.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.ManagesNoGroup, ct);
            return;
        }
        foreach (var sheet in sheets)
        {
            await context.Turn.ReplyCardAsync(GroupCard.Build(sheet, context.Language), ct);
        }
    }
}

/// <summary><c>intervision.group</c>: saves the group card; the group id in the data is only a hint and is re-checked with the actor.</summary>
internal sealed class SaveGroupAction(GroupEditor editor, TurnState state) : CardActionHandler<GroupForm>
{
    public override string Verb => IntervisionVerbs.SaveGroup;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, GroupForm form, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(state.Language);
        var result = await editor.SaveAsync(state.RequirePerson(), form, state.Language, ct);
        return result.Outcome switch
        {
            GroupEditOutcome.Saved => CardActionResult.UpdateCard(GroupCard.Build(result.Sheet!, state.Language, saved: true)),
            GroupEditOutcome.Invalid => CardActionResult.UpdateCard(GroupCard.Build(result.Sheet!, state.Language, result.Errors)),
            // Not theirs answers as "not there": answers tell nobody which groups exist.
            _ => CardActionResult.Refuse(texts.UnknownGroup),
        };
    }
}
