namespace CommunityBot.Tenants;

internal static partial class TenantsLog
{
    [LoggerMessage(9701, LogLevel.Information, "Tenant {TenantId}: {Count} settings changed by {PersonId}")]
    public static partial void SettingsSaved(ILogger logger, string tenantId, int count, long personId);

    [LoggerMessage(9702, LogLevel.Warning, "Person {PersonId} is no tenant admin and may not see or change the settings")]
    public static partial void SettingsRefused(ILogger logger, long personId);

    [LoggerMessage(9703, LogLevel.Information, "Tenant {TenantId}: settings not saved, {Count} invalid")]
    public static partial void SettingsInvalid(ILogger logger, string tenantId, int count);
}
