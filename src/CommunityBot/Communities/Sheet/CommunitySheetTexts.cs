using CommunityBot.Localization;

namespace CommunityBot.Communities.Sheet;

/// <summary>Everything the community sheet says. Phase names are the seeds' (Dutch) and PEDAGOGY.md's (English).</summary>
public sealed record CommunitySheetTexts
{
    public required string Title { get; init; }
    public required string Theme { get; init; }
    public required string Goals { get; init; }
    public required string Phase { get; init; }
    public required string Cadence { get; init; }
    public required string NextSession { get; init; }
    public required string Members { get; init; }
    public required string NotFilledIn { get; init; }

    /// <summary>{0} phase number, {1} phase name.</summary>
    public required string PhaseLine { get; init; }

    public required string SessionLength { get; init; }
    public required string ChangeRhythm { get; init; }

    public required string NoSessionPlanned { get; init; }

    /// <summary>{0} when, {1} where.</summary>
    public required string SessionLine { get; init; }

    public required string NotInAnyCommunity { get; init; }
    public required IReadOnlyDictionary<CommunityPhase, string> PhaseNames { get; init; }
    public required IReadOnlyDictionary<CommunityRole, string> RoleNames { get; init; }
    public required string Command { get; init; }
    public required string What { get; init; }

    public static readonly Localized<CommunitySheetTexts> All = new(
        new CommunitySheetTexts
        {
            Title = "Fiche van {0}",
            Theme = "Thema",
            Goals = "Doelen",
            Phase = "Fase",
            Cadence = "Ritme",
            NextSession = "Volgende sessie",
            Members = "Leden en rollen",
            NotFilledIn = "Nog niet ingevuld",
            PhaseLine = "Fase {0} — {1}",
            SessionLength = "Duur van een sessie",
            ChangeRhythm = "Ritme aanpassen",
            NoSessionPlanned = "Nog geen sessie gepland",
            SessionLine = "{0}, {1}",
            NotInAnyCommunity = "Je bent nog geen lid van een leergemeenschap, dus er is geen fiche om te tonen. Vraag je coach om je toe te voegen.",
            PhaseNames = new Dictionary<CommunityPhase, string>
            {
                [CommunityPhase.LeadersEngage] = "Schoolleiders motiveren en engageren",
                [CommunityPhase.TeachersMotivated] = "Leraren motiveren tot opstart",
                [CommunityPhase.ThemesOrganised] = "Thema's kiezen en organiseren",
                [CommunityPhase.LearningTogether] = "Leren discussiëren en uitwerken in groep",
                [CommunityPhase.StableOutput] = "Stabiele werking met output",
            },
            RoleNames = new Dictionary<CommunityRole, string>
            {
                [CommunityRole.Coach] = "Procescoach",
                [CommunityRole.CoachTheCoach] = "Coach van de coach",
                [CommunityRole.Leader] = "Schoolleider",
                [CommunityRole.Member] = "Leden",
            },
            Command = "gemeenschap",
            What = "de fiche van je leergemeenschap: thema, doelen, fase, leden, ritme en volgende sessie",
        },
        new CommunitySheetTexts
        {
            Title = "Sheet of {0}",
            Theme = "Theme",
            Goals = "Goals",
            Phase = "Phase",
            Cadence = "Cadence",
            NextSession = "Next session",
            Members = "Members and roles",
            NotFilledIn = "Not filled in yet",
            PhaseLine = "Phase {0} — {1}",
            SessionLength = "Length of a session",
            ChangeRhythm = "Change rhythm",
            NoSessionPlanned = "No session planned",
            SessionLine = "{0}, {1}",
            NotInAnyCommunity = "You are not a member of a learning community yet, so there is no sheet to show. Ask your coach to add you.",
            PhaseNames = new Dictionary<CommunityPhase, string>
            {
                [CommunityPhase.LeadersEngage] = "School leaders engage",
                [CommunityPhase.TeachersMotivated] = "Teachers motivated to start",
                [CommunityPhase.ThemesOrganised] = "Themes chosen and organised",
                [CommunityPhase.LearningTogether] = "Learning to discuss and work out together",
                [CommunityPhase.StableOutput] = "Stable operation with output",
            },
            RoleNames = new Dictionary<CommunityRole, string>
            {
                [CommunityRole.Coach] = "Process coach",
                [CommunityRole.CoachTheCoach] = "Coach-the-coach",
                [CommunityRole.Leader] = "School leader",
                [CommunityRole.Member] = "Members",
            },
            Command = "community",
            What = "your learning community's sheet: theme, goals, phase, members, cadence and next session",
        });
}
