namespace CommunityBot.CheckIns;

public static class CheckInVerbs
{
    public const string Answer = "checkin.answer";
    public const string Change = "checkin.change";
}

/// <summary>
/// Check-in card data: the round and the community the card was sent for (both re-checked). The answers come back as
/// the inputs <c>item-{itemId}</c> and <c>comment</c>.
/// </summary>
public sealed record CheckInData(long CheckInId, long CommunityId);
