namespace CommunityBot.Teams.Connector;

/// <summary>No outbound token could be had; <see cref="ConnectorClient"/> turns it into a failed result.</summary>
public sealed class ConnectorTokenException(string errorCode, bool isTransient, Exception? inner = null)
    : Exception($"The connector token could not be acquired: {errorCode}.", inner)
{
    /// <summary>The identity provider's error code (e.g. <c>invalid_client</c>), never a message text.</summary>
    public string ErrorCode { get; } = errorCode;

    /// <summary>A network fault or an identity provider outage, as opposed to wrong credentials.</summary>
    public bool IsTransient { get; } = isTransient;
}
