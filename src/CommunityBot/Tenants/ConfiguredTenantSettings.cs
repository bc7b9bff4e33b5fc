using CommunityBot.CheckIns;
using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using Microsoft.Extensions.Options;

namespace CommunityBot.Tenants;

/// <summary>The settings configuration gives every tenant; <see cref="StoredTenantSettings"/> layers stored choices over them.</summary>
internal sealed class ConfiguredTenantSettings(
    IOptions<ScheduleOptions> schedule, IOptions<CheckInsOptions> checkIns, IOptions<DigestsOptions> digests, IOptions<PrivacyOptions> privacy)
{
    public TenantSettings Defaults(string tenantId)
    {
        var digest = digests.Value.For(tenantId);
        return new TenantSettings
        {
            Languages = [Language.Dutch, Language.English],
            QuietHoursStart = schedule.Value.QuietHoursStart,
            QuietHoursEnd = schedule.Value.QuietHoursEnd,
            ExtraHolidays = schedule.Value.ExtraHolidays,
            MinimumResponses = checkIns.Value.MinimumResponses,
            DigestDay = digest.Day,
            DigestTime = digest.LocalTime,
            RetentionSchoolYears = privacy.Value.RetentionSchoolYears,
        };
    }
}
