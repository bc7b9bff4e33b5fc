using CommunityBot.Localization;

namespace CommunityBot.Communities.Roles;

/// <summary>Everything the roles card, the hand-over and the sheet editor say.</summary>
public sealed record StewardshipTexts
{
    public required string ManageRoles { get; init; }
    public required string EditSheet { get; init; }

    /// <summary>{0} community name.</summary>
    public required string RolesTitle { get; init; }

    public required string RolesIntro { get; init; }
    public required string RolesNote { get; init; }
    public required string PersonLabel { get; init; }
    public required string RoleLabel { get; init; }
    public required string ChangeRole { get; init; }
    public required IReadOnlyDictionary<CommunityRole, string> RoleNames { get; init; }
    public required string HandOverTitle { get; init; }
    public required string HandOverIntro { get; init; }
    public required string NewCoachLabel { get; init; }
    public required string FormerCoachLabel { get; init; }
    public required string FormerStays { get; init; }
    public required string FormerLeaves { get; init; }
    public required string HandOver { get; init; }

    /// <summary>{0} person, {1} role.</summary>
    public required string RoleChanged { get; init; }

    public required string RoleUnchanged { get; init; }

    /// <summary>{0} new coach, {1} community.</summary>
    public required string HandedOver { get; init; }

    /// <summary>{0} new coach, {1} community.</summary>
    public required string HandedOverAndLeft { get; init; }

    /// <summary>{0} former coach, {1} community.</summary>
    public required string NewCoachMessage { get; init; }

    /// <summary>{0} community name.</summary>
    public required string EditTitle { get; init; }

    public required string EditNote { get; init; }
    public required string PhaseLabel { get; init; }
    public required string ThemeLabel { get; init; }
    public required string GoalsLabel { get; init; }
    public required string Save { get; init; }

    /// <summary>{0} what changed, e.g. "fase, thema".</summary>
    public required string Saved { get; init; }

    public required string NothingChanged { get; init; }
    public required IReadOnlyDictionary<CommunityChangeKind, string> ChangeNames { get; init; }
    public required string NotAllowed { get; init; }
    public required string UnknownPerson { get; init; }
    public required string LastCoach { get; init; }
    public required string NotTheCoach { get; init; }
    public required string ChooseFirst { get; init; }

    public static readonly Localized<StewardshipTexts> All = new(
        new StewardshipTexts
        {
            ManageRoles = "Rollen beheren",
            EditSheet = "Fiche bewerken",
            RolesTitle = "Rollen in {0}",
            RolesIntro = "Kies een persoon en de nieuwe rol. Een gemeenschap houdt altijd minstens één procescoach.",
            RolesNote = "Wie schoolleider, procescoach of coach van de coach wordt, is geen eigenaar meer van afspraken van de hele groep en krijgt daarvoor geen herinneringen meer.",
            PersonLabel = "Persoon",
            RoleLabel = "Nieuwe rol",
            ChangeRole = "Rol wijzigen",
            RoleNames = new Dictionary<CommunityRole, string>
            {
                [CommunityRole.Member] = "Lid",
                [CommunityRole.Coach] = "Procescoach",
                [CommunityRole.CoachTheCoach] = "Coach van de coach",
                [CommunityRole.Leader] = "Schoolleider",
            },
            HandOverTitle = "Overdragen aan een interne coach",
            HandOverIntro = "De laatste fase: een leraar uit de groep neemt jouw rol van procescoach over, met het oog op continuïteit. "
                + "Na de overdracht is die leraar procescoach (briefings en hulpvragen gaan naar hem of haar), staat de fase op "
                + "'Stabiele werking met output', en blijf jij als coach van de coach of verlaat je de gemeenschap, zoals je hieronder kiest. "
                + "De nieuwe coach krijgt een bericht; de groep niet.",
            NewCoachLabel = "Nieuwe procescoach (een leraar uit de groep)",
            FormerCoachLabel = "En jij?",
            FormerStays = "Ik blijf als coach van de coach",
            FormerLeaves = "Ik verlaat de gemeenschap",
            HandOver = "Overdragen",
            RoleChanged = "{0} is nu {1}.",
            RoleUnchanged = "Die persoon had die rol al; er is niets veranderd.",
            HandedOver = "{0} is nu procescoach van {1}. Jij bent coach van de coach.",
            HandedOverAndLeft = "{0} is nu procescoach van {1}. Jij hebt de gemeenschap verlaten; bedankt voor je begeleiding.",
            NewCoachMessage = "{0} heeft de begeleiding van {1} aan jou overgedragen. Je bent nu procescoach: de briefings en hulpvragen komen voortaan bij jou. Typ 'gemeenschap' voor de fiche.",
            EditTitle = "Fiche van {0} bewerken",
            EditNote = "Elke wijziging wordt bewaard (wie, wanneer, oud en nieuw) voor het overzicht van de schoolleiders.",
            PhaseLabel = "Fase",
            ThemeLabel = "Thema",
            GoalsLabel = "Doelen",
            Save = "Opslaan",
            Saved = "Opgeslagen: {0}.",
            NothingChanged = "Er was niets veranderd.",
            ChangeNames = new Dictionary<CommunityChangeKind, string>
            {
                [CommunityChangeKind.Phase] = "fase",
                [CommunityChangeKind.Theme] = "thema",
                [CommunityChangeKind.Goals] = "doelen",
                [CommunityChangeKind.Role] = "rol",
            },
            NotAllowed = "Alleen de procescoaches van deze gemeenschap en beheerders kunnen rollen en de fiche wijzigen. Er is niets veranderd.",
            UnknownPerson = "Die persoon is geen lid (meer) van deze gemeenschap of kan die rol niet krijgen; er is niets veranderd.",
            LastCoach = "Een gemeenschap houdt altijd minstens één procescoach. Maak eerst iemand anders procescoach; er is niets veranderd.",
            NotTheCoach = "Alleen een procescoach van de gemeenschap kan de begeleiding overdragen. Als beheerder kun je de rollen hierboven wijzigen. Er is niets veranderd.",
            ChooseFirst = "Kies eerst een persoon en een rol; er is niets veranderd.",
        },
        new StewardshipTexts
        {
            ManageRoles = "Manage roles",
            EditSheet = "Edit sheet",
            RolesTitle = "Roles in {0}",
            RolesIntro = "Pick a person and their new role. A community always keeps at least one process coach.",
            RolesNote = "Whoever becomes school leader, process coach or coach-the-coach no longer owns the whole group's agreements and gets no reminders for them.",
            PersonLabel = "Person",
            RoleLabel = "New role",
            ChangeRole = "Change role",
            RoleNames = new Dictionary<CommunityRole, string>
            {
                [CommunityRole.Member] = "Member",
                [CommunityRole.Coach] = "Process coach",
                [CommunityRole.CoachTheCoach] = "Coach-the-coach",
                [CommunityRole.Leader] = "School leader",
            },
            HandOverTitle = "Hand over to an internal coach",
            HandOverIntro = "The last phase: a teacher of the group takes over your role of process coach, so the group can carry on. "
                + "After the hand-over that teacher is the process coach (briefings and help requests go to them), the phase becomes "
                + "'Stable operation with output', and you stay as coach-the-coach or leave the community, as you choose below. "
                + "The new coach gets a message; the group does not.",
            NewCoachLabel = "New process coach (a teacher of the group)",
            FormerCoachLabel = "And you?",
            FormerStays = "I stay as coach-the-coach",
            FormerLeaves = "I leave the community",
            HandOver = "Hand over",
            RoleChanged = "{0} is now {1}.",
            RoleUnchanged = "That person already had that role; nothing was changed.",
            HandedOver = "{0} is now the process coach of {1}. You are coach-the-coach.",
            HandedOverAndLeft = "{0} is now the process coach of {1}. You have left the community; thank you for coaching it.",
            NewCoachMessage = "{0} has handed {1} over to you. You are now its process coach: briefings and help requests come to you from now on. Type 'community' for the sheet.",
            EditTitle = "Edit the sheet of {0}",
            EditNote = "Every change is kept (who, when, old and new) for the school leaders' overview.",
            PhaseLabel = "Phase",
            ThemeLabel = "Theme",
            GoalsLabel = "Goals",
            Save = "Save",
            Saved = "Saved: {0}.",
            NothingChanged = "Nothing had changed.",
            ChangeNames = new Dictionary<CommunityChangeKind, string>
            {
                [CommunityChangeKind.Phase] = "phase",
                [CommunityChangeKind.Theme] = "theme",
                [CommunityChangeKind.Goals] = "goals",
                [CommunityChangeKind.Role] = "role",
            },
            NotAllowed = "Only the process coaches of this community and admins can change roles and the sheet. Nothing was changed.",
            UnknownPerson = "That person is not (or no longer) in this community or cannot take that role; nothing was changed.",
            LastCoach = "A community always keeps at least one process coach. Make someone else process coach first; nothing was changed.",
            NotTheCoach = "Only a process coach of the community can hand it over. As an admin you can change the roles above. Nothing was changed.",
            ChooseFirst = "Pick a person and a role first; nothing was changed.",
        });
}
