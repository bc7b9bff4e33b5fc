using CommunityBot.Limits;
using CommunityBot.Communities.Sheet;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

/// <summary>Phase, theme and goals of a community as a form, filled in with what the sheet says now.</summary>
public static class EditSheetCard
{
    public const string PhaseInput = "phase";
    public const string ThemeInput = "theme";
    public const string GoalsInput = "goals";

    public static AdaptiveCard Build(Community community, Language language, string? notice = null)
    {
        var texts = StewardshipTexts.All.For(language);
        var phases = CommunitySheetTexts.All.For(language).PhaseNames;
        var title = string.Format(texts.EditTitle, community.Name);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Wrap = true, Weight = TextWeight.Bolder, Color = TextColor.Good });
        }
        body.Add(new ChoiceSetInput
        {
            Id = PhaseInput,
            Label = texts.PhaseLabel,
            Style = ChoiceInputStyle.Expanded,
            Value = community.Phase.ToString(),
            Choices = [.. Enum.GetValues<CommunityPhase>().Select(p => new Choice($"{(int)p}. {phases[p]}", p.ToString()))],
        });
        body.Add(new TextInput { Id = ThemeInput, Label = texts.ThemeLabel, Value = community.Theme, MaxLength = TextLimits.Theme });
        body.Add(new TextInput { Id = GoalsInput, Label = texts.GoalsLabel, Value = community.Goals, MaxLength = TextLimits.Goals, IsMultiline = true });
        body.Add(new TextBlock(texts.EditNote) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body = body,
            Actions = [new ExecuteAction(texts.Save, CommunityVerbs.SaveSheet, new CommunityCardData(community.Id)) { Style = ActionStyle.Positive }],
        };
    }
}
