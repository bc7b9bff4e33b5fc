using CommunityBot.Localization;

namespace CommunityBot.Digests;

public sealed record DigestCommandTexts
{
    public required string Command { get; init; }
    public required string CommandWhat { get; init; }
    public required string Usage { get; init; }
    public required string PersonalChatOnly { get; init; }
    public required string NotARecipient { get; init; }

    /// <summary>The answer to <c>digest uit</c>: what stops, and how to undo it.</summary>
    public required string TurnedOff { get; init; }

    /// <summary>The answer to <c>digest aan</c>: day and time of arrival, whether holidays count, and how to undo it.</summary>
    public required Func<string, string, bool, string> TurnedOn { get; init; }

    /// <summary>Added to the answer to <c>digest aan</c> when the person has no role that brings a digest.</summary>
    public required string OnButNoRole { get; init; }

    public static readonly Localized<DigestCommandTexts> All = new(
        new DigestCommandTexts
        {
            Command = "digest nu / uit / aan",
            CommandWhat = "je wekelijkse overzicht van je gemeenschappen nu bekijken, of het uit- en weer aanzetten",
            Usage = "Typ `digest nu` om je wekelijkse overzicht nu te zien, `digest uit` om het niet meer te krijgen of `digest aan` om het weer te krijgen.",
            PersonalChatOnly = "Je digest is persoonlijk: vraag hem in een persoonlijk gesprek met mij, niet in het kanaal.",
            NotARecipient = "Er is geen digest voor jou: die is er voor de schoolleiders, procescoaches en coaches van coaches van een lerende gemeenschap, en jij hebt die rol in geen enkele gemeenschap.",
            TurnedOff = "Je krijgt de wekelijkse digest niet meer. `digest nu` toont hem nog altijd wanneer je wilt; met `digest aan` krijg je hem weer elke week.",
            TurnedOn = (day, time, holidays) => $"Je krijgt de wekelijkse digest weer, elke {day} om {time}{(holidays ? ", ook in schoolvakanties" : " (niet in schoolvakanties; valt die dag vrij, dan de eerste schooldag erna)")}. Met `digest uit` zet je hem af.",
            OnButNoRole = "Je bent nu geen schoolleider, procescoach of coach van een coach, dus er komt voorlopig niets.",
        },
        new DigestCommandTexts
        {
            Command = "digest now / off / on",
            CommandWhat = "see your weekly overview of your communities now, or turn it off and on again",
            Usage = "Type `digest now` to see your weekly overview now, `digest off` to stop getting it or `digest on` to get it again.",
            PersonalChatOnly = "Your digest is personal: ask for it in a personal chat with me, not in the channel.",
            NotARecipient = "There is no digest for you: it is for the school leaders, process coaches and coaches-the-coach of a learning community, and you have none of these roles in any community.",
            TurnedOff = "You will no longer get the weekly digest. `digest now` still shows it whenever you like; `digest on` brings it back every week.",
            TurnedOn = (day, time, holidays) => $"You will get the weekly digest again, every {day} at {time}{(holidays ? ", also in school holidays" : " (not in school holidays; when that day is off, on the first school day after it)")}. `digest off` turns it off.",
            OnButNoRole = "You are not a school leader, process coach or coach-the-coach now, so nothing will come for the time being.",
        });
}
