using CommunityBot.Intervision.Graph;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Intervision.Graph;

public sealed class GraphOptionsTests
{
    private static ValidateOptionsResult Validate(GraphOptions options) => new GraphOptionsValidator().Validate(null, options);

    private static string Failure(GraphOptions options) => Validate(options).FailureMessage ?? "";

    [Fact]
    public void No_Graph_settings_at_all_is_valid_and_means_not_configured()
    {
        var options = new GraphOptions();

        Validate(options).Succeeded.ShouldBeTrue();
        options.IsConfigured.ShouldBeFalse();
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void A_secret_or_a_managed_identity_alone_is_enough()
    {
        Validate(new GraphOptions { TenantId = "t", ClientId = "c", ClientSecret = "s" }).Succeeded.ShouldBeTrue();
        Validate(new GraphOptions { UseManagedIdentity = true, ManagedIdentityClientId = "c" }).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Two_kinds_of_credential_or_none_are_refused_with_a_clear_message()
    {
        Failure(new GraphOptions { TenantId = "t", ClientId = "c", ClientSecret = "s", UseManagedIdentity = true })
            .ShouldContain("exactly one credential");
        Failure(new GraphOptions { TenantId = "t", ClientId = "c" }).ShouldContain("exactly one credential");
    }

    [Fact]
    public void A_secret_needs_the_tenant_and_the_app_and_a_certificate_must_exist()
    {
        Failure(new GraphOptions { ClientSecret = "s" }).ShouldContain("Graph:TenantId and Graph:ClientId are required");
        Failure(new GraphOptions { TenantId = "t", ClientId = "c", CertificatePath = "/nowhere/app.pfx" })
            .ShouldContain("does not exist");
    }

    [Fact]
    public void The_base_url_must_be_https_unless_on_loopback_and_the_timeout_bounded()
    {
        Validate(new GraphOptions { BaseUrl = new Uri("http://graph.example/v1.0") }).Succeeded.ShouldBeFalse();
        Validate(new GraphOptions { BaseUrl = new Uri("http://127.0.0.1:5000/v1.0") }).Succeeded.ShouldBeTrue();
        Failure(new GraphOptions { Timeout = TimeSpan.FromMinutes(10) }).ShouldContain("Graph:Timeout");
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_half_configured_Graph()
    {
        // The start-up check and every service built at start that reads the options (card handlers are) may report it.
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var app = await BotApplication.StartAsync(settings => settings["Graph:ClientSecret"] = "a-secret-without-its-app");
        });

        failure.Message.ShouldContain("Graph:TenantId and Graph:ClientId are required");
    }
}
