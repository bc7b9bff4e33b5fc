namespace CommunityBot.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(9101, LogLevel.Warning, "Admin request refused (credentials given: {CredentialsGiven}, loopback: {Loopback}, policy: {Access})")]
    public static partial void Refused(ILogger logger, bool credentialsGiven, bool loopback, AdminAccess access);

    [LoggerMessage(9102, LogLevel.Information, "Automation key {KeyId} created for tenant {TenantId}")]
    public static partial void KeyCreated(ILogger logger, long keyId, string tenantId);

    [LoggerMessage(9103, LogLevel.Information, "Automation key {KeyId} of tenant {TenantId} revoked")]
    public static partial void KeyRevoked(ILogger logger, long keyId, string tenantId);
}
