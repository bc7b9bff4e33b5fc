using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Jobs;
using CommunityBot.Operations;
using CommunityBot.Sessions;
using CommunityBot.Teams.Diagnostics;
using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Operations;

/// <summary>The spans and log scopes an operator sees, captured from the real host: ids and outcomes, never a text.</summary>
public sealed class TracingTests
{
    private const string Secret = "zeldzaam-woord-7q2x";

    private static SpanRecorder Record(BotApplication app) =>
        new(app.Services.GetRequiredService<BotTelemetry>().Source, app.Services.GetRequiredService<TeamsTelemetry>().Source);

    [Fact]
    public async Task A_connector_call_made_during_a_turn_is_a_child_of_the_incoming_activitys_span()
    {
        await using var app = await BotApplication.StartAsync();
        using var spans = Record(app);
        var message = app.Teams.Message($"help {Secret}");

        (await app.PostAsync(message)).EnsureSuccessStatusCode();

        var incoming = spans.Named("teams.activity message").ShouldHaveSingleItem();
        incoming.GetTagItem("teams.activity.id").ShouldBe(message.Id);
        incoming.GetTagItem("teams.tenant.id").ShouldBe(TeamsActivities.TenantId);
        incoming.GetTagItem("teams.conversation.kind").ShouldBe("personal");
        incoming.GetTagItem("teams.channel").ShouldBe("msteams");
        var reply = spans.Named("teams.connector send").ShouldHaveSingleItem();
        reply.TraceId.ShouldBe(incoming.TraceId);
        reply.ParentSpanId.ShouldBe(incoming.SpanId);
        reply.GetTagItem("http.response.status_code").ShouldBe(201);
        reply.GetTagItem("teams.connector.outcome").ShouldBe("Success");
        spans.TagValues.ShouldNotContain(value => value.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Everything_logged_during_a_turn_carries_the_activity_id_and_tenant_id()
    {
        // The connector's success line is a debug line: the one every turn that answers writes.
        await using var app = await BotApplication.StartAsync(s => s["Logging:LogLevel:CommunityBot.Teams.Connector"] = "Debug", services => services.AddFakeLogging());
        var message = app.Teams.Message("help");

        (await app.PostAsync(message)).EnsureSuccessStatusCode();

        var connectorLine = app.Services.GetFakeLogCollector().GetSnapshot().First(r => r.Category == typeof(Teams.Connector.ConnectorClient).FullName);
        var scope = connectorLine.Scopes.OfType<IEnumerable<KeyValuePair<string, object?>>>().SelectMany(s => s).ToDictionary(p => p.Key, p => p.Value);
        scope["ActivityId"].ShouldBe(message.Id);
        scope["TenantId"].ShouldBe(TeamsActivities.TenantId);
    }

    [Fact]
    public async Task A_recurring_job_run_has_a_span_with_its_id_and_outcome()
    {
        await using var app = await BotApplication.StartAsync();
        using var spans = Record(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var runner = ActivatorUtilities.CreateInstance<RecurringJobRunner<HeldSessionsSweep>>(scope.ServiceProvider);
            await runner.RunAsync("sessions-held", TestContext.Current.CancellationToken);
        }

        var job = spans.Named("job sessions-held").ShouldHaveSingleItem();
        job.GetTagItem("job.id").ShouldBe("sessions-held");
        job.GetTagItem("job.outcome").ShouldBe("succeeded");
    }

    [Fact]
    public async Task Each_delivery_attempt_has_a_span_with_the_messages_purpose_and_outcome_and_never_its_text()
    {
        await using var app = await BotApplication.StartAsync();
        using var spans = Record(app);
        var known = (await app.AddChannelsAsync(1)).Single();
        var gone = (await app.AddChannelsAsync(1, "19:deleted")).Single();
        app.Connector.SetConversationState(gone.ConversationId, FakeConversationState.Gone);

        await app.EnqueueAsync(DeliveryTesting.TextTo(known, "sent") with { Text = $"{Secret} één", Purpose = "reminder" });
        await app.EnqueueAsync(DeliveryTesting.TextTo(gone, "gone") with { Text = $"{Secret} twee", Purpose = "briefing" });
        await app.DeliveryIdleAsync();

        var deliveries = spans.Spans.Where(s => s.DisplayName.StartsWith("delivery ", StringComparison.Ordinal)).ToList();
        deliveries.ShouldContain(s => Equals(s.GetTagItem("delivery.purpose"), "reminder") && Equals(s.GetTagItem("delivery.outcome"), "sent"));
        deliveries.ShouldContain(s => Equals(s.GetTagItem("delivery.purpose"), "briefing") && Equals(s.GetTagItem("delivery.outcome"), "gone"));
        var sentSpan = deliveries.Single(s => Equals(s.GetTagItem("delivery.outcome"), "sent"));
        spans.Spans.ShouldContain(s => s.DisplayName == "teams.connector send" && s.ParentSpanId == sentSpan.SpanId);
        spans.TagValues.ShouldNotContain(value => value.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_otlp_endpoint_that_is_not_an_http_address_stops_the_start_and_a_good_one_starts()
    {
        var failure = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var app = await BotApplication.StartAsync(s => s["OpenTelemetry:OtlpEndpoint"] = "collector:4317");
        });
        failure.ToString().ShouldContain("OpenTelemetry:OtlpEndpoint must be an absolute http or https address.");

        await using var started = await BotApplication.StartAsync(s =>
        {
            s["OpenTelemetry:OtlpEndpoint"] = "http://127.0.0.1:4318";
            s["OpenTelemetry:OtlpProtocol"] = "HttpProtobuf";
        });
        started.Services.GetService<OpenTelemetry.Trace.TracerProvider>().ShouldNotBeNull();
    }
}
