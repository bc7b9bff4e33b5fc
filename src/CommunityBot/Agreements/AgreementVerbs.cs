namespace CommunityBot.Agreements;

public static class AgreementVerbs
{
    public const string Record = "agreement.record";
    public const string Answer = "agreement.answer";
    public const string Refresh = "agreement.refresh";
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

/// <summary>Button data. The comment comes back as the input <c>comment-{agreementId}</c>.</summary>
public sealed record AnswerData(long AgreementId, string Answer, string View);

public sealed record RefreshData(long AgreementId);

/// <summary>The recording card's data; its inputs (kind, text, owners, dependants, due) are merged in by Teams.</summary>
public sealed record RecordData(long CommunityId, long? SessionId = null);
