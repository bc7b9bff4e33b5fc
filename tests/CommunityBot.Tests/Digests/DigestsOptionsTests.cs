using CommunityBot.Digests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Digests;

/// <summary>The digests' timing is checked when the host starts; a tenant's section changes only what it sets.</summary>
public sealed class DigestsOptionsTests
{
    private static async Task<Exception?> StartFailureAsync(Action<IDictionary<string, string?>> configure)
    {
        try
        {
            await using var app = await BotApplication.StartAsync(configure);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Theory]
    [InlineData("Digests:Day", "Saturday", "Digests:Day must be a weekday")]
    [InlineData("Digests:TimeZone", "Europe/Atlantis", "Digests:TimeZone 'Europe/Atlantis' is not a known time zone")]
    [InlineData("Digests:LocalTime", "21:00", "Digests:LocalTime 21:00 is in the evening or at night; the digest arrives at that time, so choose one from 06:00 to before 20:00")]
    [InlineData("Digests:LocalTime", "05:30", "Digests:LocalTime 05:30 is in the evening or at night")]
    [InlineData("Digests:Tenants:school-group-1:LocalTime", "20:00", "Digests:Tenants:school-group-1:LocalTime 20:00 is in the evening or at night")]
    [InlineData("Digests:Tenants:school-group-1:Day", "Sunday", "Digests:Tenants:school-group-1:Day must be a weekday")]
    public async Task A_timing_that_cannot_be_kept_stops_the_start(string key, string value, string error)
    {
        (await StartFailureAsync(s => s[key] = value)).ShouldNotBeNull().ToString().ShouldContain(error);
    }

    [Fact]
    public async Task A_tenant_section_keeps_the_top_level_values_it_does_not_set()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Digests:LocalTime"] = "07:00";
            s["Digests:Day"] = "Tuesday";
            s["Digests:Tenants:school-group-1:SendInHolidays"] = "true";
            s["Digests:Tenants:school-group-2:LocalTime"] = "12:15";
        });
        var options = app.Services.GetRequiredService<IOptions<DigestsOptions>>().Value;

        var first = options.For("school-group-1");
        (first.LocalTime, first.Day, first.SendInHolidays).ShouldBe((new TimeOnly(7, 0), DayOfWeek.Tuesday, true));
        var second = options.For("school-group-2");
        (second.LocalTime, second.Day, second.SendInHolidays).ShouldBe((new TimeOnly(12, 15), DayOfWeek.Tuesday, false));
        options.For("another").LocalTime.ShouldBe(new TimeOnly(7, 0));
    }
}
