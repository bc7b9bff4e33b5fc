using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Cards;

public class CardActionRouterTests
{
    private readonly FakeTimeProvider _time = new();

    private CardActionRouter Router(params ICardActionHandler[] handlers) =>
        new(handlers, _time, Options.Create(new CardActionOptions()));

    private static CardActionContext Pressed(string verb) => new()
    {
        Activity = new Activity { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction },
        Verb = verb,
        Data = TeamsJson.ToElement(new { agreementId = 7 }),
        Kind = CardActionKind.Execute,
        From = new ChannelAccount { Id = "29:member" },
    };

    [Fact]
    public async Task A_press_reaches_the_handler_for_its_verb()
    {
        var done = new AnswerHandler("agreement.done", CardActionResult.Message("done"));
        var help = new AnswerHandler("agreement.help", CardActionResult.Message("help"));

        var result = await Router(done, help).RouteAsync(Pressed("agreement.help"), TestContext.Current.CancellationToken);

        result.Text.ShouldBe("help");
        help.Received.ShouldNotBeNull().Data.GetProperty("agreementId").GetInt32().ShouldBe(7);
        done.Received.ShouldBeNull();
    }

    [Fact]
    public async Task An_unknown_verb_gives_UnknownVerb_for_the_host_to_word()
    {
        var result = await Router(new AnswerHandler("agreement.done", CardActionResult.Message("done")))
            .RouteAsync(Pressed("agreement.gone"), TestContext.Current.CancellationToken);

        result.Kind.ShouldBe(CardActionResultKind.UnknownVerb);
        result.Text.ShouldBeNull();
    }

    [Fact]
    public void Two_handlers_for_one_verb_are_refused_when_the_router_is_built()
    {
        var failure = Should.Throw<InvalidOperationException>(() => Router(
            new AnswerHandler("agreement.done", CardActionResult.Message("a")),
            new AnswerHandler("agreement.done", CardActionResult.Message("b"))));

        failure.Message.ShouldContain("agreement.done");
    }

    [Fact]
    public async Task A_handler_that_outlasts_the_budget_gives_TimedOut_and_sees_its_token_cancelled()
    {
        var slow = new WaitsForCancellationHandler("digest.refresh");
        var routing = Router(slow).RouteAsync(Pressed("digest.refresh"), TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromSeconds(9.9));
        routing.IsCompleted.ShouldBeFalse();
        _time.Advance(TimeSpan.FromSeconds(0.1));

        (await routing).Kind.ShouldBe(CardActionResultKind.TimedOut);
        slow.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_is_awaited_to_the_end_and_its_answer_kept()
    {
        var late = new AnswersWhenReleasedHandler("digest.refresh");
        var routing = Router(late).RouteAsync(Pressed("digest.refresh"), TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromSeconds(10));
        routing.IsCompleted.ShouldBeFalse();
        late.Release(CardActionResult.Message("klaar"));

        var result = await routing;
        result.Kind.ShouldBe(CardActionResultKind.Message);
        result.Text.ShouldBe("klaar");
    }

    [Fact]
    public async Task The_host_cancelling_is_not_reported_as_a_timeout()
    {
        using var request = new CancellationTokenSource();
        var routing = Router(new WaitsForCancellationHandler("digest.refresh")).RouteAsync(Pressed("digest.refresh"), request.Token);

        await request.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(routing);
    }

    [Fact]
    public async Task Handlers_registered_with_the_extension_are_routed_in_a_scope()
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_time)
            .AddCardActions(o => o.Budget = TimeSpan.FromSeconds(5))
            .AddCardActionHandler<PingHandler>();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<CardActionRouter>()
            .RouteAsync(Pressed(PingHandler.VerbName), TestContext.Current.CancellationToken);

        result.Text.ShouldBe("pong");
    }

    [Fact]
    public void Duplicate_verbs_fail_options_validation_so_the_host_fails_at_start()
    {
        var services = new ServiceCollection()
            .AddCardActions()
            .AddCardActionHandler<PingHandler>()
            .AddCardActionHandler<OtherPingHandler>();
        using var provider = services.BuildServiceProvider();

        var failure = Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CardActionOptions>>().Value);

        failure.Message.ShouldContain(PingHandler.VerbName);
    }

    [Fact]
    public void A_budget_beyond_what_Teams_waits_is_refused()
    {
        using var provider = new ServiceCollection().AddCardActions(o => o.Budget = TimeSpan.FromSeconds(20)).BuildServiceProvider();

        Should.Throw<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CardActionOptions>>().Value);
    }

    private sealed class AnswerHandler(string verb, CardActionResult answer) : ICardActionHandler
    {
        public string Verb => verb;
        public CardActionContext? Received { get; private set; }

        public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
        {
            Received = context;
            return Task.FromResult(answer);
        }
    }

    private sealed class WaitsForCancellationHandler(string verb) : ICardActionHandler
    {
        public string Verb => verb;
        public CancellationToken Token { get; private set; }

        public async Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct)
        {
            Token = ct;
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return CardActionResult.Message("late");
        }
    }

    private sealed class AnswersWhenReleasedHandler(string verb) : ICardActionHandler
    {
        private readonly TaskCompletionSource<CardActionResult> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Verb => verb;

        public void Release(CardActionResult result) => answer.SetResult(result);

        public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct) => answer.Task;
    }

    private sealed class PingHandler : ICardActionHandler
    {
        public const string VerbName = "test.ping";
        public string Verb => VerbName;

        public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct) =>
            Task.FromResult(CardActionResult.Message("pong"));
    }

    private sealed class OtherPingHandler : ICardActionHandler
    {
        public string Verb => PingHandler.VerbName;

        public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct) =>
            Task.FromResult(CardActionResult.Message("pong too"));
    }
}
