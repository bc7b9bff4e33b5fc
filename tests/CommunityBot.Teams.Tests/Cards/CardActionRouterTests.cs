using System.Text.Json;
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
    private readonly FakeTimeProvider time = new();

    private static readonly ServiceProvider NoServices = new ServiceCollection().BuildServiceProvider();

    private CardActionRouter Router(params ICardActionHandler[] handlers) =>
        new(CardActionCatalog.Of(handlers), NoServices, time, Options.Create(new CardActionOptions()));

    private static CardActionContext Pressed(string verb, object? data = null) => new()
    {
        Activity = new Activity { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction },
        Verb = verb,
        Data = TeamsJson.ToElement(data ?? new { agreementId = 7 }),
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
        help.Received.ShouldBe(new AgreementRef(7));
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

    [Theory]
    [InlineData("""{ "agreementId": "zeven" }""")]
    [InlineData("""{ "agreementId": null }""")]
    [InlineData("""{ "other": 1 }""")]
    [InlineData("""[7]""")]
    [InlineData("\"garbage\"")]
    public async Task Data_the_handler_cannot_read_gives_MalformedData_and_never_reaches_it(string data)
    {
        var handler = new AnswerHandler("agreement.done", CardActionResult.Message("done"));

        var result = await Router(handler).RouteAsync(Pressed("agreement.done", JsonElement.Parse(data)), TestContext.Current.CancellationToken);

        result.Kind.ShouldBe(CardActionResultKind.MalformedData);
        handler.Received.ShouldBeNull();
    }

    [Fact]
    public async Task A_press_without_a_readable_verb_gives_MalformedData()
    {
        var handler = new AnswerHandler("agreement.done", CardActionResult.Message("done"));

        var result = await Router(handler).RouteAsync(Pressed("") with { IsMalformed = true }, TestContext.Current.CancellationToken);

        result.Kind.ShouldBe(CardActionResultKind.MalformedData);
        handler.Received.ShouldBeNull();
    }

    [Fact]
    public void The_router_lists_every_verb_with_the_shape_of_its_data()
    {
        var router = Router(new AnswerHandler("agreement.done", CardActionResult.Message("a")), new PingHandler());

        router.Verbs.ShouldBe(new Dictionary<string, Type> { ["agreement.done"] = typeof(AgreementRef), [PingHandler.VerbName] = typeof(AgreementRef) }, ignoreOrder: true);
    }

    [Fact]
    public void Two_handlers_for_one_verb_are_refused_when_the_catalog_is_built()
    {
        var failure = Should.Throw<DuplicateVerbsException>(() => Router(
            new AnswerHandler("agreement.done", CardActionResult.Message("a")),
            new AnswerHandler("agreement.done", CardActionResult.Message("b"))));

        failure.Message.ShouldContain("agreement.done");
    }

    [Fact]
    public async Task A_handler_that_outlasts_the_budget_gives_TimedOut_and_sees_its_token_cancelled()
    {
        var slow = new WaitsForCancellationHandler("digest.refresh");
        var routing = Router(slow).RouteAsync(Pressed("digest.refresh"), TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(9.9));
        routing.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(0.1));

        (await routing).Kind.ShouldBe(CardActionResultKind.TimedOut);
        slow.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public async Task A_handler_that_ignores_its_token_is_awaited_to_the_end_and_its_answer_kept()
    {
        var late = new AnswersWhenReleasedHandler("digest.refresh");
        var routing = Router(late).RouteAsync(Pressed("digest.refresh"), TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromSeconds(10));
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
            .AddSingleton<TimeProvider>(time)
            .AddCardActions(o => o.Budget = TimeSpan.FromSeconds(5))
            .AddCardActionHandler<PingHandler>();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<CardActionRouter>()
            .RouteAsync(Pressed(PingHandler.VerbName), TestContext.Current.CancellationToken);

        result.Text.ShouldBe("pong");
    }

    [Fact]
    public async Task A_press_builds_only_the_handler_of_its_verb()
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddCardActions()
            .AddCardActionHandler<PingHandler>()
            .AddCardActionHandler<CountedHandler>();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        _ = provider.GetRequiredService<CardActionCatalog>();
        var built = CountedHandler.Built;

        for (var i = 0; i < 3; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            (await scope.ServiceProvider.GetRequiredService<CardActionRouter>().RouteAsync(Pressed(PingHandler.VerbName), TestContext.Current.CancellationToken))
                .Text.ShouldBe("pong");
        }

        CountedHandler.Built.ShouldBe(built);
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

    private sealed record AgreementRef(long AgreementId);

    private sealed class AnswerHandler(string verb, CardActionResult answer) : CardActionHandler<AgreementRef>
    {
        public override string Verb => verb;
        public AgreementRef? Received { get; private set; }

        protected override Task<CardActionResult> HandleAsync(CardActionContext context, AgreementRef data, CancellationToken ct)
        {
            Received = data;
            return Task.FromResult(answer);
        }
    }

    private sealed class WaitsForCancellationHandler(string verb) : CardActionHandler<AgreementRef>
    {
        public override string Verb => verb;
        public CancellationToken Token { get; private set; }

        protected override async Task<CardActionResult> HandleAsync(CardActionContext context, AgreementRef data, CancellationToken ct)
        {
            Token = ct;
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return CardActionResult.Message("late");
        }
    }

    private sealed class AnswersWhenReleasedHandler(string verb) : CardActionHandler<AgreementRef>
    {
        private readonly TaskCompletionSource<CardActionResult> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override string Verb => verb;

        public void Release(CardActionResult result) => answer.SetResult(result);

        protected override Task<CardActionResult> HandleAsync(CardActionContext context, AgreementRef data, CancellationToken ct) => answer.Task;
    }

    private sealed class PingHandler : CardActionHandler<AgreementRef>
    {
        public const string VerbName = "test.ping";
        public override string Verb => VerbName;

        protected override Task<CardActionResult> HandleAsync(CardActionContext context, AgreementRef data, CancellationToken ct) =>
            Task.FromResult(CardActionResult.Message("pong"));
    }

    private sealed class CountedHandler : CardActionHandler<AgreementRef>
    {
        private static int built;

        public CountedHandler() => Interlocked.Increment(ref built);

        public static int Built => Volatile.Read(ref built);

        public override string Verb => "test.counted";

        protected override Task<CardActionResult> HandleAsync(CardActionContext context, AgreementRef data, CancellationToken ct) =>
            Task.FromResult(CardActionResult.Message("counted"));
    }

    private sealed class OtherPingHandler : CardActionHandler<AgreementRef>
    {
        public override string Verb => PingHandler.VerbName;

        protected override Task<CardActionResult> HandleAsync(CardActionContext context, AgreementRef data, CancellationToken ct) =>
            Task.FromResult(CardActionResult.Message("pong too"));
    }
}
