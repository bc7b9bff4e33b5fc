namespace CommunityBot.Digests;

public static class DigestsServiceCollectionExtensions
{
    /// <summary>Weekly digests for leaders, coaches and coaches-the-coach.</summary>
    public static IServiceCollection AddDigests(this IServiceCollection services)
    {
        services.AddScoped<DigestRecipients>();
        services.AddScoped<DigestSessionFacts>();
        services.AddScoped<DigestAgreementFacts>();
        services.AddSingleton<DigestAttention>();
        services.AddScoped<DigestContent>();
        services.AddScoped<DigestBuilder>();
        return services;
    }
}
