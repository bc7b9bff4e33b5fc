using Microsoft.AspNetCore.Authentication;

namespace CommunityBot.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The admin key scheme and the <see cref="AdminPolicy"/> that import, delivery admin and the dashboard require.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(AdminKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy.Name, policy => policy
                .AddAuthenticationSchemes(AdminKeyAuthenticationHandler.SchemeName)
                .AddRequirements(new AdminRequirement(environment.IsDevelopment())));
        return services;
    }
}
