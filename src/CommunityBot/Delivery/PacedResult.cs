namespace CommunityBot.Delivery;

/// <summary>What a paced call to Teams returned: its value, or the outcome that decides the row's next state.</summary>
public readonly record struct PacedResult<T>(T? Value, SendOutcome? Failure) where T : class;
