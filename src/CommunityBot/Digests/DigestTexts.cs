using CommunityBot.CheckIns;
using CommunityBot.Localization;

namespace CommunityBot.Digests;

/// <summary>Everything the digest cards say. Counts come in as numbers so each language chooses singular or plural.</summary>
public sealed record DigestTexts
{
    /// <summary>{0} the period, e.g. "23 – 29 november".</summary>
    public required Func<string, string> Title { get; init; }

    /// <summary>The period of <c>digest nu</c> before this week's digest is made.</summary>
    public required string LastSevenDays { get; init; }
    public required Func<int, int, string> Part { get; init; }
    public required Func<int, int, string> NeedAttention { get; init; }
    public required string AllWell { get; init; }
    public required string NoCommunities { get; init; }
    public required string TapToOpen { get; init; }
    public required Func<int, string, string> Phase { get; init; }
    public required Func<int, int, string, string> PhaseChanged { get; init; }
    /// <summary>The community's coaches by name, after "Coach:" or, for more than one, "Coaches:".</summary>
    public required Func<IReadOnlyList<string>, string> Coaches { get; init; }
    public required Func<int, int, string> SessionsPerYear { get; init; }
    public required Func<int, int, string> LastSessionWeeks { get; init; }
    public required Func<int, string> NoSessionYet { get; init; }
    public required Func<string, string> NextSession { get; init; }
    public required string NoNextSession { get; init; }
    public required Func<string, string> Attendance { get; init; }
    public required Func<int, int, string> Present { get; init; }
    public required string NotRecorded { get; init; }
    public required Func<string, string> AbsentLast { get; init; }
    public required Func<string, string> Agreements { get; init; }
    public required Func<int, string> Made { get; init; }
    public required Func<int, string> Done { get; init; }
    public required Func<int, string> CarriedOver { get; init; }
    public required Func<int, string> Dropped { get; init; }
    public required Func<int, string> Overdue { get; init; }
    public required string NoAgreements { get; init; }
    public required Func<string, string, string, string> OverdueLine { get; init; }
    public required Func<int, string> MoreOverdue { get; init; }
    public required Func<string, string> CheckIn { get; init; }
    public required string CheckInOpen { get; init; }
    public required Func<string, string> CheckInOpenAfter { get; init; }
    public required Func<string, string> BarTitle { get; init; }
    public required string CheckInNone { get; init; }
    public required string FirstMeasurement { get; init; }
    public required string ChartTitle { get; init; }
    public required Func<int, string> PhaseNumber { get; init; }
    public required Func<string, string, string> Round { get; init; }
    public required Func<string, string> RoundRate { get; init; }
    public required string RoundNotEnough { get; init; }
    public required string RoundOpen { get; init; }
    public required string RoundNotAvailable { get; init; }
    public required string AttentionSomeConditionFell { get; init; }
    public required string AttentionNoSessionBeyondNorm { get; init; }
    public required string AttentionNoNextSession { get; init; }
    public required Func<int, string> AttentionManyOverdue { get; init; }
    public required Func<string, string> AttentionConditionFell { get; init; }
    public required string AttentionAttendanceFalling { get; init; }
    public required string MoreDetail { get; init; }
    public required string PickerLabel { get; init; }
    public required string PickerButton { get; init; }
    public required string ChooseBelow { get; init; }
    public required Func<string, string> DetailTitle { get; init; }
    public required string DetailSent { get; init; }
    public required string DetailSentToChat { get; init; }
    public required string DetailRefused { get; init; }
    public required IReadOnlyDictionary<CheckInCondition, string> Conditions { get; init; }

    /// <summary>Short names for the one-line trends of the compact sections, where the full names would wrap on a phone.</summary>
    public required IReadOnlyDictionary<CheckInCondition, string> ShortConditions { get; init; }

    public static readonly Localized<DigestTexts> All = new(
        new DigestTexts
        {
            Title = period => $"Weekoverzicht {period}",
            LastSevenDays = "afgelopen 7 dagen",
            Part = (part, parts) => $"deel {part} van {parts}",
            NeedAttention = (count, total) => count == 1
                ? $"1 van {total} gemeenschappen vraagt aandacht"
                : $"{count} van {total} gemeenschappen vragen aandacht",
            AllWell = "Geen aandachtspunten deze week.",
            NoCommunities = "Je volgt (nog) geen gemeenschappen, dus er is niets te melden.",
            TapToOpen = "Tik op een gemeenschap om ze open te klappen.",
            Phase = (number, name) => $"Fase {number} · {name}",
            PhaseChanged = (from, to, name) => $"Fase gewijzigd: {from} → {to} · {name}",
            Coaches = names => $"{(names.Count == 1 ? "Coach" : "Coaches")}: {string.Join(", ", names)}",
            SessionsPerYear = (held, norm) => $"{held} {(held == 1 ? "sessie" : "sessies")} dit schooljaar · norm: minstens {norm}",
            LastSessionWeeks = (weeks, norm) => $"Laatste sessie {Weeks(weeks)} · norm: om de {norm} weken",
            NoSessionYet = norm => $"Nog geen sessie gehouden · norm: om de {norm} weken",
            NextSession = when => $"Volgende sessie: {when}",
            NoNextSession = "Geen volgende sessie gepland",
            Attendance = list => $"Aanwezig: {list}",
            Present = (present, total) => $"{present} van {total}",
            NotRecorded = "niet opgenomen",
            AbsentLast = names => $"Afwezig op de laatste sessie: {names}",
            Agreements = list => $"Afspraken: {list}",
            Made = n => $"{n} gemaakt",
            Done = n => $"{n} klaar",
            CarriedOver = n => $"{n} doorgeschoven",
            Dropped = n => $"{n} geschrapt",
            Overdue = n => $"{n} te laat",
            NoAgreements = "Geen afspraken deze week",
            OverdueLine = (text, owners, due) => $"Te laat: {text} — {owners} (tegen {due})",
            MoreOverdue = n => n == 1 ? "… en nog 1 afspraak te laat" : $"… en nog {n} afspraken te laat",
            CheckIn = state => $"Check-in: {state}",
            CheckInOpen = "Check-in: loopt nog",
            CheckInOpenAfter = last => $"Check-in: loopt nog · vorige: {last}",
            BarTitle = day => $"Gemiddelde per thema, check-in van {day} (1–5)",
            CheckInNone = "Nog geen check-in",
            FirstMeasurement = "eerste meting",
            ChartTitle = "Gemiddelde per thema per check-in (1–5)",
            PhaseNumber = number => $"Fase {number}",
            Round = (day, state) => $"Check-in van {day}: {state}",
            RoundRate = rate => $"respons {rate}",
            RoundNotEnough = "niet genoeg antwoorden",
            RoundOpen = "loopt nog",
            RoundNotAvailable = "niet beschikbaar",
            AttentionSomeConditionFell = "Een thema is gedaald",
            AttentionNoSessionBeyondNorm = "Geen sessie binnen het ritme",
            AttentionNoNextSession = "Geen volgende sessie gepland",
            AttentionManyOverdue = n => $"{n} afspraken te laat",
            AttentionConditionFell = condition => $"{condition} is gedaald",
            AttentionAttendanceFalling = "Aanwezigheid daalt",
            MoreDetail = "Meer details",
            PickerLabel = "Meer details over…",
            PickerButton = "Toon details",
            ChooseBelow = "Kies onderaan een gemeenschap voor al haar details.",
            DetailTitle = community => $"Details: {community}",
            DetailSent = "Hier zijn de details.",
            DetailSentToChat = "De details staan zo in je persoonlijke chat met de bot.",
            DetailRefused = "Over deze gemeenschap kan ik je geen details geven: ze hoort niet bij jouw weekoverzicht.",
            Conditions = new Dictionary<CheckInCondition, string>
            {
                [CheckInCondition.Interdependence] = "Onderlinge afhankelijkheid",
                [CheckInCondition.Cohesion] = "Cohesie",
                [CheckInCondition.PsychologicalSafety] = "Psychologische veiligheid",
                [CheckInCondition.GroupPotency] = "Groepspotentieel",
                [CheckInCondition.SharedGoalOrientation] = "Gezamenlijke doelgerichtheid",
            },
            ShortConditions = new Dictionary<CheckInCondition, string>
            {
                [CheckInCondition.Interdependence] = "Afhankelijkheid",
                [CheckInCondition.Cohesion] = "Cohesie",
                [CheckInCondition.PsychologicalSafety] = "Veiligheid",
                [CheckInCondition.GroupPotency] = "Potentieel",
                [CheckInCondition.SharedGoalOrientation] = "Doelgerichtheid",
            },
        },
        new DigestTexts
        {
            Title = period => $"Your week, {period}",
            LastSevenDays = "the last 7 days",
            Part = (part, parts) => $"part {part} of {parts}",
            NeedAttention = (count, total) => count == 1
                ? $"1 of {total} communities needs attention"
                : $"{count} of {total} communities need attention",
            AllWell = "Nothing needs attention this week.",
            NoCommunities = "You follow no communities (yet), so there is nothing to report.",
            TapToOpen = "Tap a community to open it.",
            Phase = (number, name) => $"Phase {number} · {name}",
            PhaseChanged = (from, to, name) => $"Phase changed: {from} → {to} · {name}",
            Coaches = names => $"{(names.Count == 1 ? "Coach" : "Coaches")}: {string.Join(", ", names)}",
            SessionsPerYear = (held, norm) => $"{held} {(held == 1 ? "session" : "sessions")} this school year · norm: at least {norm}",
            LastSessionWeeks = (weeks, norm) => $"Last session {WeeksEnglish(weeks)} · norm: every {norm} weeks",
            NoSessionYet = norm => $"No session held yet · norm: every {norm} weeks",
            NextSession = when => $"Next session: {when}",
            NoNextSession = "No next session planned",
            Attendance = list => $"Present: {list}",
            Present = (present, total) => $"{present} of {total}",
            NotRecorded = "not recorded",
            AbsentLast = names => $"Absent at the last session: {names}",
            Agreements = list => $"Agreements: {list}",
            Made = n => $"{n} made",
            Done = n => $"{n} done",
            CarriedOver = n => $"{n} carried over",
            Dropped = n => $"{n} dropped",
            Overdue = n => $"{n} overdue",
            NoAgreements = "No agreements this week",
            OverdueLine = (text, owners, due) => $"Overdue: {text} — {owners} (due {due})",
            MoreOverdue = n => n == 1 ? "… and 1 more agreement overdue" : $"… and {n} more agreements overdue",
            CheckIn = state => $"Check-in: {state}",
            CheckInOpen = "Check-in: still open",
            CheckInOpenAfter = last => $"Check-in: still open · last one: {last}",
            BarTitle = day => $"Average per theme, check-in of {day} (1–5)",
            CheckInNone = "No check-in yet",
            FirstMeasurement = "first measurement",
            ChartTitle = "Average per theme per check-in (1–5)",
            PhaseNumber = number => $"Phase {number}",
            Round = (day, state) => $"Check-in of {day}: {state}",
            RoundRate = rate => $"response rate {rate}",
            RoundNotEnough = "not enough answers",
            RoundOpen = "still open",
            RoundNotAvailable = "not available",
            AttentionSomeConditionFell = "A theme fell",
            AttentionNoSessionBeyondNorm = "No session within its rhythm",
            AttentionNoNextSession = "No next session planned",
            AttentionManyOverdue = n => $"{n} agreements overdue",
            AttentionConditionFell = condition => $"{condition} fell",
            AttentionAttendanceFalling = "Attendance is falling",
            MoreDetail = "More detail",
            PickerLabel = "More detail about…",
            PickerButton = "Show detail",
            ChooseBelow = "Choose a community at the bottom for all its detail.",
            DetailTitle = community => $"Detail: {community}",
            DetailSent = "Here is the detail.",
            DetailSentToChat = "The detail is on its way to your personal chat with the bot.",
            DetailRefused = "I can't give you detail about this community: it is not part of your weekly digest.",
            Conditions = new Dictionary<CheckInCondition, string>
            {
                [CheckInCondition.Interdependence] = "Interdependence",
                [CheckInCondition.Cohesion] = "Cohesion",
                [CheckInCondition.PsychologicalSafety] = "Psychological safety",
                [CheckInCondition.GroupPotency] = "Group potency",
                [CheckInCondition.SharedGoalOrientation] = "Shared goal orientation",
            },
            ShortConditions = new Dictionary<CheckInCondition, string>
            {
                [CheckInCondition.Interdependence] = "Interdependence",
                [CheckInCondition.Cohesion] = "Cohesion",
                [CheckInCondition.PsychologicalSafety] = "Safety",
                [CheckInCondition.GroupPotency] = "Potency",
                [CheckInCondition.SharedGoalOrientation] = "Goals",
            },
        });

    private static string Weeks(int weeks) => weeks switch
    {
        0 => "deze week",
        1 => "1 week geleden",
        _ => $"{weeks} weken geleden",
    };

    private static string WeeksEnglish(int weeks) => weeks switch
    {
        0 => "this week",
        1 => "1 week ago",
        _ => $"{weeks} weeks ago",
    };
}
