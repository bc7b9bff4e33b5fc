namespace CommunityBot.Privacy;

public static class PrivacyVerbs
{
    /// <summary>"Yes, delete all my data" on the card that said what goes and what stays.</summary>
    public const string ConfirmErase = "privacy.erase.confirm";
}

/// <summary>Whose data the card offers to erase: only ever the presser's own, re-checked on the press.</summary>
public sealed record EraseData(long PersonId);
