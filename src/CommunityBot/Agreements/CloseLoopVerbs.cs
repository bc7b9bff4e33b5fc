namespace CommunityBot.Agreements;

/// <summary>The coach's buttons for closing the loop.</summary>
public static class CloseLoopVerbs
{
    public const string Show = "loop.show";
    public const string Close = "agreement.close";
    public const string Change = "agreement.change";
    public const string Edit = "agreement.edit";
    public const string Open = "agreements.open";
}

/// <summary>How the coach closes one agreement on a card.</summary>
public static class CloseChoices
{
    public const string Done = "done";
    public const string CarryOver = "carry";
    public const string Drop = "drop";
}

/// <summary>Opens the close-the-loop card of a session (the briefing's button).</summary>
public sealed record LoopData(long SessionId);

/// <summary>
/// Done / carry over / drop on the close-the-loop card (<paramref name="SessionId"/> set) or the open-agreements list.
/// The drop reason comes back as the input <c>reason-{agreementId}</c>.
/// </summary>
public sealed record CloseData(long AgreementId, string Choice, long? SessionId = null);

/// <summary>Opens the edit card; <paramref name="SessionId"/> says which close-the-loop card to return to.</summary>
public sealed record ChangeData(long AgreementId, long? SessionId = null);

/// <summary>Saves the edit card; its inputs (text, owners, dependants, due) are merged in by Teams.</summary>
public sealed record EditData(long AgreementId, long? SessionId = null);

/// <summary>Shows the open agreements of a community.</summary>
public sealed record OpenData(long CommunityId);
