using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using CommunityBot.Teams.Tests.Connector;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Hosting;

public sealed class TurnPipelineTests
{
    private static readonly string Conversation = ConnectorHarness.KnownConversations[0];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Middleware_runs_in_the_order_it_was_added_around_the_handler()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var trace = new Trace();

        var response = await RunAsync(harness, trace, s => s.AddTurnMiddleware<First>().AddTurnMiddleware<Second>());

        trace.Steps.ShouldBe(["first in", "second in", "handler", "second out", "first out"]);
        response.ShouldBeSameAs(RecordingHandler.Answer);
    }

    [Fact]
    public async Task A_middleware_that_does_not_go_on_ends_the_turn_with_its_own_answer()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var trace = new Trace();

        var response = await RunAsync(harness, trace, s => s.AddTurnMiddleware<Stops>().AddTurnMiddleware<First>());

        trace.Steps.ShouldBe(["stopped"]);
        response.ShouldBeSameAs(Stops.Answer);
    }

    [Fact]
    public async Task A_failing_handler_fails_the_turn_through_every_middleware()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var trace = new Trace { HandlerFails = true };

        await Should.ThrowAsync<InvalidOperationException>(RunAsync(harness, trace, s => s.AddTurnMiddleware<First>()));

        trace.Steps.ShouldBe(["first in", "handler"]);
    }

    [Fact]
    public async Task Replies_and_updates_of_a_turn_handed_on_with_WithOutgoing_are_changed_before_they_leave()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var trace = new Trace { HandlerReplies = true };

        await RunAsync(harness, trace, s => s.AddTurnMiddleware<MarksReplies>().AddTurnMiddleware<First>());

        var sent = harness.Fake.Requests.Select(r => (r.Method, r.Activity!.Text)).ToList();
        sent.ShouldBe([("POST", "(test) hallo"), ("PUT", "(test) bijgewerkt")]);
    }

    private static async Task<InvokeResponse?> RunAsync(ConnectorHarness harness, Trace trace, Action<IServiceCollection> middleware)
    {
        var services = new ServiceCollection().AddSingleton(trace).AddScoped<IActivityHandler, RecordingHandler>().AddScoped<TurnPipeline>();
        middleware(services);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "1712",
            ServiceUrl = harness.ServiceUrl,
            Conversation = new ConversationAccount { Id = Conversation },
            From = new ChannelAccount { Id = "29:member" },
            Text = "hallo",
        };
        return await scope.ServiceProvider.GetRequiredService<TurnPipeline>().RunAsync(new TurnContext(activity, harness.Client), Ct);
    }

    private sealed class Trace
    {
        public List<string> Steps { get; } = [];
        public bool HandlerFails { get; init; }
        public bool HandlerReplies { get; init; }
    }

    private sealed class RecordingHandler(Trace trace) : IActivityHandler
    {
        public static readonly InvokeResponse Answer = InvokeResponse.Message("handled");

        public async Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            trace.Steps.Add("handler");
            if (trace.HandlerFails)
            {
                throw new InvalidOperationException("handler failed");
            }
            if (trace.HandlerReplies)
            {
                var reply = await turn.ReplyTextAsync("hallo", cancellationToken);
                await turn.UpdateAsync(reply.Value!.Id!, Activity.CreateMessage("bijgewerkt"), cancellationToken);
            }
            return Answer;
        }
    }

    private sealed class First(Trace trace) : ITurnMiddleware
    {
        public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
        {
            trace.Steps.Add("first in");
            var response = await next(turn, cancellationToken);
            trace.Steps.Add("first out");
            return response;
        }
    }

    private sealed class Second(Trace trace) : ITurnMiddleware
    {
        public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
        {
            trace.Steps.Add("second in");
            var response = await next(turn, cancellationToken);
            trace.Steps.Add("second out");
            return response;
        }
    }

    private sealed class Stops(Trace trace) : ITurnMiddleware
    {
        public static readonly InvokeResponse Answer = InvokeResponse.Message("stopped");

        public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
        {
            trace.Steps.Add("stopped");
            return Task.FromResult<InvokeResponse?>(Answer);
        }
    }

    private sealed class MarksReplies : ITurnMiddleware
    {
        public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken) =>
            next(turn.WithOutgoing(reply => reply.Text = $"(test) {reply.Text}"), cancellationToken);
    }
}
