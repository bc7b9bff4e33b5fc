using CommunityBot.Localization;

namespace CommunityBot.Privacy;

/// <summary>What export and erasure say: before anything happens, what goes, what stays and why.</summary>
public sealed record PrivacyTexts
{
    public required string ExportCommand { get; init; }
    public required string ExportWhat { get; init; }
    public required string DeleteCommand { get; init; }
    public required string DeleteWhat { get; init; }
    public required string OnlyInPersonalChat { get; init; }
    public required string EraseTitle { get; init; }
    public required string WhatGoes { get; init; }
    public required IReadOnlyList<string> Goes { get; init; }
    public required string WhatStays { get; init; }
    public required IReadOnlyList<string> Stays { get; init; }
    public required string CannotUndo { get; init; }
    public required string ConfirmErase { get; init; }
    public required string Erased { get; init; }
    public required string NotYourCard { get; init; }
    public required string LastCoach { get; init; }
    public required string RunsIntervision { get; init; }
    public required string ExportTitle { get; init; }
    public required string ExportReady { get; init; }
    public required string Download { get; init; }

    public static readonly Localized<PrivacyTexts> All = new(
        new PrivacyTexts
        {
            ExportCommand = "mijn gegevens",
            ExportWhat = "alles wat ik over jou bewaar, als JSON-bestand om te downloaden",
            DeleteCommand = "verwijder mijn gegevens",
            DeleteWhat = "alles wat ik over jou bewaar wissen; je ziet eerst wat verdwijnt en wat blijft",
            OnlyInPersonalChat = "Je gegevens bekijken of wissen kan alleen in je 1-op-1-gesprek met mij, zodat niemand anders ze ziet. Open de chat met mij en typ het daar.",
            EraseTitle = "Al je gegevens verwijderen?",
            WhatGoes = "Wat verdwijnt",
            Goes =
            [
                "je naam, e-mailadres, taal en je Teams- en Entra-id's",
                "je lidmaatschappen en rollen, je pauzes, je afmeldingen en je aanwezigheid",
                "je antwoorden op afspraken en hun geschiedenis, en je herinneringen",
                "je check-in-antwoorden en opmerkingen",
                "ons gesprek, berichten aan jou die nog moeten vertrekken, je keuze voor de wekelijkse digest",
                "berichten met je naam aan anderen: nog niet verstuurd worden ze geschrapt, al verstuurd worden ze bij mij leeggemaakt",
            ],
            WhatStays = "Wat blijft, en waarom",
            Stays =
            [
                "afspraken waarvan je eigenaar was, blijven voor de groep met hun tekst, maar zonder jou: je naam staat er niet meer bij en je telt niet meer mee in '1 van 2 klaar'",
                "een check-in-resultaat dat je coach al kreeg, blijft zoals het was: het toont alleen groepscijfers; opnieuw berekend telt jouw antwoord niet meer mee",
                "berichten die al in Teams staan, beheert Teams, niet ik",
            ],
            CannotUndo = "Dit kan niet ongedaan worden. Wil je eerst een kopie? Typ 'mijn gegevens'.",
            ConfirmErase = "Ja, verwijder al mijn gegevens",
            Erased = "Je gegevens zijn verwijderd. Stuur je me later weer een bericht, dan ken ik je niet meer en begin ik opnieuw.",
            NotYourCard = "Deze kaart hoort niet (meer) bij jou. Er is niets verwijderd.",
            LastCoach = "Je bent de enige procescoach van {0}. Maak eerst iemand anders procescoach (typ 'gemeenschap' en kies 'Rollen beheren'); er is niets verwijderd.",
            RunsIntervision = "Je organiseert de intervisie van {0}. Vraag eerst je beheerder om die aan iemand anders te geven; er is niets verwijderd.",
            ExportTitle = "Je gegevens",
            ExportReady = "Alles wat ik over jou bewaar, in één JSON-bestand. De link werkt één keer en 15 minuten lang; typ 'mijn gegevens' voor een nieuwe.",
            Download = "Downloaden",
        },
        new PrivacyTexts
        {
            ExportCommand = "export my data",
            ExportWhat = "everything I keep about you, as a JSON file to download",
            DeleteCommand = "delete my data",
            DeleteWhat = "erase everything I keep about you; you first see what goes and what stays",
            OnlyInPersonalChat = "Seeing or erasing your data happens only in your one-to-one chat with me, so nobody else sees it. Open the chat with me and type it there.",
            EraseTitle = "Delete all your data?",
            WhatGoes = "What goes",
            Goes =
            [
                "your name, e-mail address, language and your Teams and Entra ids",
                "your memberships and roles, your pauses, your regrets and your attendance",
                "your answers to agreements and their history, and your reminders",
                "your check-in answers and comments",
                "our chat, messages to you still waiting to be sent, your choice for the weekly digest",
                "messages to others that carry your name: not yet sent, they are dropped; already sent, I empty my copy",
            ],
            WhatStays = "What stays, and why",
            Stays =
            [
                "agreements you owned stay with the group with their text, but without you: your name is no longer on them and you no longer count in '1 of 2 done'",
                "a check-in result your coach already received stays as it was: it shows group figures only; computed again, your answer no longer counts",
                "messages already in Teams are Teams' to keep, not mine",
            ],
            CannotUndo = "This cannot be undone. Want a copy first? Type 'export my data'.",
            ConfirmErase = "Yes, delete all my data",
            Erased = "Your data has been deleted. If you message me again later, I will not know you and start afresh.",
            NotYourCard = "This card is not (or no longer) yours. Nothing was deleted.",
            LastCoach = "You are the only process coach of {0}. Make someone else process coach first (type 'community' and choose 'Manage roles'); nothing was deleted.",
            RunsIntervision = "You organise the intervision of {0}. Ask your admin to hand it to someone else first; nothing was deleted.",
            ExportTitle = "Your data",
            ExportReady = "Everything I keep about you, in one JSON file. The link works once, for 15 minutes; type 'export my data' for a new one.",
            Download = "Download",
        });
}
