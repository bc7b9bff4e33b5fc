namespace CommunityBot.Agreements;

public static class AgreementVerbs
{
    public const string Record = "agreement.record";
    public const string Answer = "agreement.answer";
    public const string Refresh = "agreement.refresh";

    /// <summary>"Antwoorden" in a help thread: the coach's reply to a help request, or the owner's answer back.</summary>
    public const string Help = "agreement.help";

    /// <summary>"Toon" on the coach's overview: the overview again, for the session chosen.</summary>
    public const string Overview = "agreement.overview";
    public const string Undo = "agreement.undo";
}

public static class AgreementAnswers
{
    public const string Done = "done";
    public const string NeedHelp = "help";
    public const string WontMakeIt = "wont";

    public static AgreementStatus? StatusOf(string? answer) => answer switch
    {
        Done => AgreementStatus.Done,
        NeedHelp => AgreementStatus.NeedHelp,
        WontMakeIt => AgreementStatus.WontMakeIt,
        _ => null,
    };
}

/// <summary>Which card a button sits on, so the answer redraws that card: a single reminder or the "my agreements" list.</summary>
public static class AgreementCardViews
{
    public const string Reminder = "reminder";
    public const string Mine = "mine";
}

/// <summary>Who hears that someone won't make it: the member chooses on the card, after reading what each choice does.</summary>
public static class AgreementAudiences
{
    public const string Group = "group";
    public const string Coach = "coach";

    /// <summary>Only an explicit "tell the group" tells the group: buttons from before the choice existed never said so.</summary>
    public static bool TellsGroup(string? audience) => audience == Group;
}

/// <summary>
/// Button data. The comment comes back as the input <c>comment-{agreementId}</c>; <paramref name="Audience"/> is set on
/// the two "won't make it" buttons.
/// </summary>
public sealed record AnswerData(long AgreementId, string Answer, string View, string? Audience = null);

public sealed record RefreshData(long AgreementId);

/// <summary>The undo button: the history row of the owner's answer it takes back, and the card it sits on.</summary>
public sealed record UndoData(long AgreementId, long ChangeId, string View);

/// <summary>The recording card's data; its inputs (kind, text, owners, dependants, due) are merged in by Teams.</summary>
public sealed record RecordData(long CommunityId, long? SessionId = null);
