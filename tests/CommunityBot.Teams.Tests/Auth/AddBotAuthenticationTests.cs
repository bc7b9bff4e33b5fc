using CommunityBot.Teams.Auth;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Auth;

public sealed class AddBotAuthenticationTests
{
    [Fact]
    public void One_authenticator_is_shared_by_all_requests()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddRouting()
            .Configure<BotOptions>(options => options.AppId = "bot-app-id")
            .AddBotAuthentication()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<BotAuthenticator>().ShouldBeSameAs(provider.GetRequiredService<BotAuthenticator>());
    }
}
