using CommunityBot.Localization;

namespace CommunityBot.Bot;

/// <summary>The help card's headings and notes: grouped by what the person does, not by feature.</summary>
public sealed record HelpTexts
{
    public required Func<CommandTopic, string> Heading { get; init; }
    public required string KindsTitle { get; init; }

    /// <summary>{0}: an example as typed.</summary>
    public required Func<string, string> Example { get; init; }
    public required string NoCommunity { get; init; }

    public static readonly Localized<HelpTexts> All = new(
        new HelpTexts
        {
            Heading = topic => topic switch
            {
                CommandTopic.Agreements => "Je afspraken",
                CommandTopic.Sessions => "Je sessies",
                CommandTopic.CheckIns => "Je check-ins",
                CommandTopic.Community => "Je gemeenschap",
                CommandTopic.Coaching => "Als coach",
                CommandTopic.Digest => "Je weekoverzicht",
                CommandTopic.Intervision => "Intervisie",
                CommandTopic.Development => "Ontwikkeling",
                _ => "Algemeen",
            },
            KindsTitle = "Drie soorten afspraken:",
            Example = example => $"bv. {example}",
            NoCommunity = "Je zit nog in geen leergemeenschap. Zodra je coach of de beheerder je toevoegt, zie je hier wat je kunt doen.",
        },
        new HelpTexts
        {
            Heading = topic => topic switch
            {
                CommandTopic.Agreements => "Your agreements",
                CommandTopic.Sessions => "Your sessions",
                CommandTopic.CheckIns => "Your check-ins",
                CommandTopic.Community => "Your community",
                CommandTopic.Coaching => "As coach",
                CommandTopic.Digest => "Your weekly digest",
                CommandTopic.Intervision => "Intervision",
                CommandTopic.Development => "Development",
                _ => "General",
            },
            KindsTitle = "Three kinds of agreement:",
            Example = example => $"e.g. {example}",
            NoCommunity = "You are not in a learning community yet. Once your coach or the admin adds you, this shows what you can do.",
        });
}
