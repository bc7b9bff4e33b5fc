using CommunityBot.Localization;

namespace CommunityBot.Demo;

/// <summary>What the Development-only demo commands say.</summary>
public sealed record DemoTexts
{
    public required string NowActingAs { get; init; }
    public required string BackToYourself { get; init; }
    public required string NobodyFound { get; init; }
    public required string SeveralFound { get; init; }
    public required string Usage { get; init; }
    public required string ActAsCommand { get; init; }
    public required string ActAsWhat { get; init; }

    public static readonly Localized<DemoTexts> All = new(
        new DemoTexts
        {
            NowActingAs = "Je handelt nu als {0}: wat je typt of aanklikt, doe je als {0}. Typ 'act as me' om weer jezelf te zijn.",
            BackToYourself = "Je bent weer jezelf.",
            NobodyFound = "Ik vind niemand die '{0}' heet.",
            SeveralFound = "Meerdere mensen passen bij '{0}': {1}. Wees preciezer.",
            Usage = "Typ 'act as <naam of user-id>' of 'act as me'.",
            ActAsCommand = "act as <naam> / act as me",
            ActAsWhat = "speel iemand anders uit de demo",
        },
        new DemoTexts
        {
            NowActingAs = "You now act as {0}: whatever you type or press, you do as {0}. Type 'act as me' to be yourself again.",
            BackToYourself = "You are yourself again.",
            NobodyFound = "I can't find anyone called '{0}'.",
            SeveralFound = "Several people match '{0}': {1}. Be more precise.",
            Usage = "Type 'act as <name or user-id>' or 'act as me'.",
            ActAsCommand = "act as <name> / act as me",
            ActAsWhat = "play someone else from the demo",
        });
}
