using CommunityBot.Communities;
using CommunityBot.Bot;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

public static class CheckInsServiceCollectionExtensions
{
    /// <summary>
    /// Check-ins on the five conditions: the instrument (validated at start), pseudonymous answers, the card, the
    /// member's own trend, the coach's result card and the one aggregation component every reader of results goes through.
    /// </summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<CheckInsOptions>().BindConfiguration(CheckInsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (environment.IsDevelopment())
        {
            // So the bot runs locally without setup; the validator refuses this value outside Development.
            services.PostConfigure<CheckInsOptions>(o => o.PseudonymSecret = string.IsNullOrEmpty(o.PseudonymSecret) ? CheckInsOptions.DevelopmentSecret : o.PseudonymSecret);
        }
        services.AddSingleton<IValidateOptions<CheckInsOptions>, CheckInsOptionsValidator>();
        services.AddSingleton(_ => new InstrumentCatalog(InstrumentCatalog.DefaultDirectory));
        services.AddSingleton<CheckInPseudonyms>();
        services.AddHostedService<InstrumentStartupCheck>();
        services.AddScoped<CheckInBook>();
        services.AddScoped<CheckInAggregator>();
        services.AddScoped<CheckInCloser>();
        services.AddScoped<CheckInOpener>();
        services.AddScoped<CheckInRhythm>();
        services.AddScoped<ICheckInRhythmListener>(sp => sp.GetRequiredService<CheckInRhythm>());
        services.AddScoped<CheckInReminders>();
        services.AddScoped<ISessionsHeldListener, CheckInPlanner>();
        services.AddScoped<CheckInReports>();
        services.AddScoped<ICheckInClosedListener, CheckInResultSender>();
        services.AddBotCommand<MyCheckInsCommand>();
        services.AddBotCommand<CheckInResultsCommand>();
        services.AddCardActionHandler<AnswerCheckInAction>();
        services.AddCardActionHandler<ChangeCheckInAction>();
        // Like the other development aids: only in the unauthenticated local mode.
        if (TeamsServiceCollectionExtensions.ChooseAuthMode(environment, configuration) == InboundAuthMode.AnonymousLoopback)
        {
            services.AddBotCommand<RunCheckInNowCommand>();
        }
        return services;
    }
}
