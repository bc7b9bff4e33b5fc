using CommunityBot.Bot;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

public static class AgreementsServiceCollectionExtensions
{
    /// <summary>Agreements: recording (card, short syntax), channel summaries, reminders and the answers to them, help threads and the coach's overview.</summary>
    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddOptions<AgreementsOptions>().BindConfiguration(AgreementsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AgreementQueries>();
        services.AddScoped<AnswerCards>();
        services.AddScoped<AgreementBook>();
        services.AddScoped<AgreementNotifier>();
        services.AddScoped<ReminderPlanner>();
        services.AddScoped<ISessionPlansListener>(sp => sp.GetRequiredService<ReminderPlanner>());
        services.AddScoped<SummaryPublisher>();
        services.AddScoped<RecordCardLoader>();
        services.AddScoped<AgreementEditor>();
        services.AddScoped<CloseLoopCards>();
        services.AddScoped<HelpThread>();
        services.AddScoped<CoachOverview>();
        services.AddScoped<ISessionPlansListener, CloseLoopPlanner>();
        services.AddBotCommand<RecordAgreementsCommand>();
        services.AddBotCommand<ShorthandAgreementCommand>();
        services.AddBotCommand<MyAgreementsCommand>();
        services.AddBotCommand<TypedDoneCommand>();
        services.AddBotCommand<OpenAgreementsCommand>();
        services.AddBotCommand<CoachOverviewCommand>();
        services.AddCardActionHandler<RecordAgreementAction>();
        services.AddCardActionHandler<AnswerAgreementAction>();
        services.AddCardActionHandler<RefreshAgreementAction>();
        services.AddCardActionHandler<UndoAgreementAction>();
        services.AddCardActionHandler<ShowCloseLoopAction>();
        services.AddCardActionHandler<OpenAgreementsAction>();
        services.AddCardActionHandler<ChangeAgreementAction>();
        services.AddCardActionHandler<EditAgreementAction>();
        services.AddCardActionHandler<CloseAgreementAction>();
        services.AddCardActionHandler<HelpAnswerAction>();
        services.AddCardActionHandler<CoachOverviewAction>();
        return services;
    }
}
