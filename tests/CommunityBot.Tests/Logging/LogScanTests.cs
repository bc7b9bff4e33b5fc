using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Logging;

public sealed class LogScanTests
{
    [Fact]
    public async Task A_name_in_a_log_line_fails_the_host_that_logged_it_whatever_its_case()
    {
        var app = await BotApplication.StartAsync();
        app.Sensitive.Add("Megan Janssens", "display name");
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Test").LogWarning("Pressed by {Person}", "megan JANSSENS");

        var error = await Should.ThrowAsync<InvalidOperationException>(async () => await app.DisposeAsync());

        error.Message.ShouldContain("display name \"Megan Janssens\" in [Warning] Test");
    }
}
