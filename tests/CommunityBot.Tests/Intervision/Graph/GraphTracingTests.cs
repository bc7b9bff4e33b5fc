using CommunityBot.Intervision;
using CommunityBot.Tests.Operations;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.Graph.FakeGraph;

namespace CommunityBot.Tests.Intervision.Graph;

/// <summary>Every Graph call is a span with its operation and status; mailbox addresses stay out of every span.</summary>
public sealed class GraphTracingTests : IDisposable
{
    private const string Alex = "alex.wilber@contoso.example";
    private static readonly DateTimeOffset From = new(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeGraph graph = new();

    public void Dispose() => graph.Dispose();

    [Fact]
    public async Task A_read_schedule_is_a_graph_span_with_status_ok()
    {
        using var spans = new SpanRecorder(graph.Telemetry.Source);
        graph.Schedules[Alex] = Items();
        graph.Schedules[Organizer] = Items();
        graph.AnswersSchedules();

        await graph.Calendar.GetScheduleAsync(Organizer, [Alex, Organizer], From, From.AddDays(7), CancellationToken.None);

        var span = spans.Named("graph getSchedule").ShouldHaveSingleItem();
        span.GetTagItem("graph.operation").ShouldBe("getSchedule");
        span.GetTagItem("graph.status").ShouldBe("ok");
        spans.TagValues.ShouldNotContain(value => value.Contains('@'));
    }

    [Fact]
    public async Task A_refused_call_is_a_failed_graph_span_with_graphs_status_code()
    {
        using var spans = new SpanRecorder(graph.Telemetry.Source);
        graph.Fails("POST", "/v1.0/users/*/calendar/getSchedule", 403, "ErrorAccessDenied", "Access is denied.");

        await Should.ThrowAsync<CalendarException>(() => graph.Calendar.GetScheduleAsync(Organizer, [Alex], From, From.AddDays(7), CancellationToken.None));

        var span = spans.Named("graph getSchedule").ShouldHaveSingleItem();
        span.GetTagItem("graph.status").ShouldBe("403");
        span.Status.ShouldBe(System.Diagnostics.ActivityStatusCode.Error);
    }
}
