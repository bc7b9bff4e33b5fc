using CommunityBot.Teams;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CommunityBot.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>
    /// Entra ID sign-in (when <c>AzureAd</c> is configured, which it must be outside Development), the automation-key
    /// scheme and the <see cref="AdminPolicy"/> policies the admin endpoints and the dashboard require.
    /// </summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var development = environment.IsDevelopment();
        services.AddOptions<AzureAdOptions>().BindConfiguration(AzureAdOptions.Section).ValidateDataAnnotations()
            .Validate(options => development || options.IsConfigured,
                "AzureAd:TenantId and AzureAd:ClientId are required outside Development: admins sign in with Entra ID (app role 'admin').")
            .ValidateOnStart();
        var azureAd = configuration.GetSection(AzureAdOptions.Section).Get<AzureAdOptions>() ?? new AzureAdOptions();

        var authentication = services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AutomationKeyAuthenticationHandler>(AutomationKeyAuthenticationHandler.SchemeName, null);
        // Every policy names the key scheme, so none ever falls back to the default (the bot's) scheme.
        string[] schemes = [AutomationKeyAuthenticationHandler.SchemeName];
        if (azureAd.IsConfigured)
        {
            authentication.AddJwtBearer(AdminSignIn.SchemeName, _ => { });
            services.AddOptions<JwtBearerOptions>(AdminSignIn.SchemeName)
                .Configure<IOptions<AzureAdOptions>, IOptions<BotOptions>>((jwt, ad, bot) => AdminSignIn.Configure(jwt, ad.Value, bot.Value, development));
            schemes = [AdminSignIn.SchemeName, .. schemes];
        }
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy.Name, Policy(AdminAccess.SignedIn))
            .AddPolicy(AdminPolicy.Import, Policy(AdminAccess.SignedInOrKey))
            .AddPolicy(AdminPolicy.Dashboard, Policy(AdminAccess.HostingTenant));
        return services;

        Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> Policy(AdminAccess access) => policy => policy
            .AddAuthenticationSchemes(schemes)
            .AddRequirements(new AdminRequirement(development, access, azureAd.TenantId));
    }
}
