using CommunityBot.Bot;
using CommunityBot.Localization;

namespace CommunityBot.Communities.Participation;

/// <summary><c>terug</c> / <c>back</c>: ends a pause before its date (or one without a date).</summary>
internal sealed class BackCommand(MemberParticipation participation) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["terug", "ik ben terug", "back", "i'm back", "i am back"];

    public bool RunsOnGuess => false;

    public CommandHelp Help(Language language)
    {
        var texts = ParticipationTexts.All.For(language);
        return new CommandHelp(texts.BackCommand, texts.BackWhat) { Audience = CommandAudience.Member, Topic = CommandTopic.Community };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = ParticipationTexts.All.For(context.Language);
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.OnlyInPersonalChat, cancellationToken);
            return;
        }
        var result = await participation.ResumeAsync(context.State.RequirePerson(), cancellationToken);
        await context.Turn.ReplyTextAsync(result.Outcome == ParticipationOutcome.Done
            ? string.Format(texts.Back, string.Join(", ", result.Communities.Select(c => c.Name)))
            : texts.NotPaused, cancellationToken);
    }
}
