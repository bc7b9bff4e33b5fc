using CommunityBot.Localization;

namespace CommunityBot.Agreements;

/// <summary>What an answer card says right after a tap: what happened, and how to take it back.</summary>
public sealed record AnswerNoticeTexts
{
    /// <summary>The owner's new answer, as done: "✓ Gemarkeerd als klaar".</summary>
    public required Func<AgreementStatus, string> Answered { get; init; }
    public required string Undo { get; init; }

    /// <summary>{0}: the local time until which undo works.</summary>
    public required Func<string, string> UndoUntil { get; init; }

    /// <summary>{0}: the answer as it is again.</summary>
    public required Func<string, string> Undone { get; init; }

    /// <summary>{0}: the undo window in minutes.</summary>
    public required Func<int, string> TooLate { get; init; }

    public static readonly Localized<AnswerNoticeTexts> All = new(
        new AnswerNoticeTexts
        {
            Answered = status => status switch
            {
                AgreementStatus.Done => "✓ Gemarkeerd als klaar",
                AgreementStatus.NeedHelp => "✓ Hulp gevraagd: je coach krijgt je vraag",
                _ => "✓ Doorgegeven dat het niet lukt",
            },
            Undo = "Ongedaan maken",
            UndoUntil = time => $"Vergist? Ongedaan maken kan tot {time}.",
            Undone = status => $"↩ Ongedaan gemaakt: je antwoord staat weer op '{status}'.",
            TooLate = minutes => $"Ongedaan maken kan alleen in de eerste {minutes} minuten na je antwoord. Zo staat het nu:",
        },
        new AnswerNoticeTexts
        {
            Answered = status => status switch
            {
                AgreementStatus.Done => "✓ Marked as done",
                AgreementStatus.NeedHelp => "✓ Help asked: your coach gets your question",
                _ => "✓ Passed on that you won't make it",
            },
            Undo = "Undo",
            UndoUntil = time => $"A mistake? You can undo this until {time}.",
            Undone = status => $"↩ Undone: your answer is '{status}' again.",
            TooLate = minutes => $"An answer can only be undone in the first {minutes} minutes. This is how it stands now:",
        });
}
