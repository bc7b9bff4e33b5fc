using CommunityBot.Localization;

namespace CommunityBot.Agreements;

/// <summary>What the coach's overview says.</summary>
public sealed record CoachOverviewTexts
{
    public required Func<string, string> Title { get; init; }
    public required Func<int, string> OpenCount { get; init; }
    public required string None { get; init; }
    public required string NamesHidden { get; init; }
    public required string FilterLabel { get; init; }
    public required string AllSessions { get; init; }
    public required string NoSessionYet { get; init; }
    public required string Show { get; init; }

    /// <summary>{day}: a group's heading.</summary>
    public required Func<string, string> DueAt { get; init; }
    public required string Overdue { get; init; }
    public required Func<AgreementStatus, string> OwnerState { get; init; }

    /// <summary>{count}: what the cap left out.</summary>
    public required Func<int, string> More { get; init; }
    public required string OnlyCoaches { get; init; }
    public required string NotHere { get; init; }
    public required string UnknownCommunity { get; init; }
    public required string Command { get; init; }
    public required string What { get; init; }

    public static readonly Localized<CoachOverviewTexts> All = new(
        new CoachOverviewTexts
        {
            Title = community => $"Overzicht van {community}",
            OpenCount = count => count == 1 ? "1 afspraak staat nog open." : $"{count} afspraken staan nog open.",
            None = "Er staan geen afspraken open.",
            NamesHidden = "Wie wat antwoordde, zie je alleen als coach van deze leergemeenschap in je eigen chat met de bot; hier staan de aantallen.",
            FilterLabel = "Toon de afspraken voor",
            AllSessions = "Alle sessies",
            NoSessionYet = "Nog geen sessie gepland",
            Show = "Toon",
            DueAt = day => $"Voor de sessie van {day}",
            Overdue = "te laat",
            OwnerState = status => status switch
            {
                AgreementStatus.Done => "klaar",
                AgreementStatus.NeedHelp => "hulp nodig",
                AgreementStatus.WontMakeIt => "lukt niet",
                _ => "open",
            },
            More = count => count == 1 ? "En nog 1 afspraak: kies hierboven een sessie om ze te zien." : $"En nog {count} afspraken: kies hierboven een sessie om ze te zien.",
            OnlyCoaches = "Het overzicht is voor coaches, coaches-the-coach en beheerders van een leergemeenschap.",
            NotHere = "Vraag het overzicht in je eigen chat met de bot: het toont wie hulp vroeg, en dat is niet voor de hele groep.",
            UnknownCommunity = "Die leergemeenschap vind ik niet. Er is niets veranderd.",
            Command = "overzicht",
            What = "alle open afspraken per sessie, met wie klaar is en wie hulp vraagt (coaches)",
        },
        new CoachOverviewTexts
        {
            Title = community => $"Overview of {community}",
            OpenCount = count => count == 1 ? "1 agreement is still open." : $"{count} agreements are still open.",
            None = "No agreements are open.",
            NamesHidden = "Who answered what is shown only to the community's coach in their own chat with the bot; here you see the counts.",
            FilterLabel = "Show the agreements for",
            AllSessions = "All sessions",
            NoSessionYet = "No session planned yet",
            Show = "Show",
            DueAt = day => $"For the session of {day}",
            Overdue = "overdue",
            OwnerState = status => status switch
            {
                AgreementStatus.Done => "done",
                AgreementStatus.NeedHelp => "needs help",
                AgreementStatus.WontMakeIt => "won't make it",
                _ => "open",
            },
            More = count => count == 1 ? "And 1 more agreement: choose a session above to see it." : $"And {count} more agreements: choose a session above to see them.",
            OnlyCoaches = "The overview is for coaches, coaches-the-coach and admins of a learning community.",
            NotHere = "Ask for the overview in your own chat with the bot: it shows who asked for help, which is not for the whole group.",
            UnknownCommunity = "I can't find that learning community. Nothing was changed.",
            Command = "overview",
            What = "every open agreement by session, with who is done and who asks help (coaches)",
        });
}
