using System.Text.Json;
using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.LoadTests;

internal enum StepKind
{
    Done,
    Help,
    Undo,
    Refresh,
    Message,
}

/// <summary>What a member does next: a press on their reminder, or a message in their chat.</summary>
internal sealed record MemberStep(StepKind Kind, byte[] Body)
{
    public bool IsPress => Kind != StepKind.Message;
}

/// <summary>
/// One member's round, over and over: done, undo, "mijn afspraken", need help, undo, refresh, "help". Every answer
/// and undo changes the member's answer (which <see cref="MemberTally"/> counts and the database check compares); the
/// undo buttons take back the change the answered card names, as a member's own undo would.
/// </summary>
internal sealed class MemberScript(LoadMember member, string reminderActivityId, MemberActivities activities)
{
    private static readonly string[] Round = ["done", "undo", "mine", "help", "undo", "refresh", "help-text"];

    private int position;
    private long lastChange;

    public MemberTally Tally { get; } = new();

    /// <summary>The same member reads at the same pace in every run.</summary>
    public int Seed => member.Index;

    public MemberStep Next()
    {
        var step = Round[position++ % Round.Length];
        var id = member.AgreementId;
        return step switch
        {
            "done" => Press(StepKind.Done, AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder)),
            "help" => Press(StepKind.Help, AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder)),
            "undo" => Press(StepKind.Undo, AgreementVerbs.Undo, new UndoData(id, lastChange, AgreementCardViews.Reminder)),
            "refresh" => Press(StepKind.Refresh, AgreementVerbs.Refresh, new RefreshData(id)),
            "mine" => new MemberStep(StepKind.Message, activities.Message(member, member.Language == Language.English ? "my agreements" : "mijn afspraken")),
            _ => new MemberStep(StepKind.Message, activities.Message(member, "help")),
        };
    }

    /// <summary>Steps in one round: the warm-up takes each once.</summary>
    public static int RoundLength => Round.Length;

    /// <summary>
    /// Checks the invoke answer of a press and counts what it changed; returns the kind of error, or null. Without
    /// <paramref name="strict"/> (the bare endpoint's fixed card) any card will do.
    /// </summary>
    public string? Answered(MemberStep step, JsonElement answer, bool strict)
    {
        var type = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("type", out var given) ? given.GetString() : null;
        if (type != InvokeResponse.CardType)
        {
            // A polite refusal (a message) and an error answer are different faults.
            return type switch
            {
                InvokeResponse.MessageType => "answer-message",
                InvokeResponse.ErrorType => "answer-error",
                _ => "answer-not-a-card",
            };
        }
        if (!strict)
        {
            return null;
        }
        if (step.Kind is StepKind.Done or StepKind.Help)
        {
            if (UndoChange(answer.GetProperty("value")) is not { } change)
            {
                return "answer-without-undo";
            }
            lastChange = change;
            Tally.Answered(step.Kind == StepKind.Done ? AgreementStatus.Done : AgreementStatus.NeedHelp);
        }
        else if (step.Kind == StepKind.Undo)
        {
            Tally.Undone();
        }
        return null;
    }

    public void Replied() => Tally.Messages++;

    private MemberStep Press(StepKind kind, string verb, object data) => new(kind, activities.Press(member, reminderActivityId, verb, data));

    /// <summary>The change id on the card's undo button, wherever the card puts it.</summary>
    private static long? UndoChange(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.String && verb.GetString() == AgreementVerbs.Undo
                    && element.TryGetProperty("data", out var data) && data.TryGetProperty("changeId", out var change))
                {
                    return change.GetInt64();
                }
                foreach (var property in element.EnumerateObject())
                {
                    if (UndoChange(property.Value) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (UndoChange(item) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }
}

/// <summary>What a member's presses changed, as the host answered them: the database must show exactly this.</summary>
internal sealed class MemberTally
{
    public int Done { get; private set; }
    public int Help { get; private set; }
    public int Undos { get; private set; }
    public int Messages { get; set; }
    public int Presses { get; set; }

    /// <summary>After the warm-up: its changes stay (the database holds them), its presses and messages are not counted again.</summary>
    public void Restart() => (Presses, Messages) = (0, 0);

    /// <summary>Where the member's own answer stands after the last press.</summary>
    public AgreementStatus Status { get; private set; } = AgreementStatus.Open;

    public void Answered(AgreementStatus status)
    {
        (Done, Help) = status == AgreementStatus.Done ? (Done + 1, Help) : (Done, Help + 1);
        Status = status;
    }

    public void Undone()
    {
        Undos++;
        Status = AgreementStatus.Open;
    }
}
