using System.Net;
using System.Text;
using CommunityBot.Intervision;
using CommunityBot.Intervision.Graph;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Intervision.Graph;

/// <summary>The offline demo's Graph: the host's own Graph-shaped endpoint, reached by the real GraphServiceClient.</summary>
public sealed class GraphStandInTests
{
    private const string Alex = "alex.wilber@demo.school";
    private const string Diego = "diego.siciliani@demo.school";
    private const string Nestor = "nestor.wilke@demo.school";

    /// <summary>The host in Development without Bot:AppId or Graph credentials; its Graph client goes through the in-memory test server.</summary>
    internal static async Task<BotApplication> StartAsync(Action<IDictionary<string, string?>>? configure = null)
    {
        BotApplication? app = null;
        app = await BotApplication.StartAsync(configure, services => services.AddSingleton(_ =>
            GraphConnection.Anonymous(new Uri("http://localhost/dev/graph/v1.0"), TimeSpan.FromSeconds(30), new LateHandler(() => app!.Server.CreateHandler()))));
        return app;
    }

    /// <summary>The test server exists only once the host has started, but the Graph client is built during its start.</summary>
    private sealed class LateHandler(Func<HttpMessageHandler> create) : HttpMessageHandler
    {
        private HttpMessageInvoker? inner;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (inner ??= new HttpMessageInvoker(create())).SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            inner?.Dispose();
            base.Dispose(disposing);
        }
    }

    private static DateTimeOffset Local(int day, int hour) =>
        new(new DateTime(2026, 3, day, hour, 0, 0), TimeSpan.FromHours(1)); // March 2026 before the 29th: UTC+1 in Brussels

    [Fact]
    public async Task The_demo_coaches_have_realistic_weeks_and_a_booked_meeting_is_kept_once_moved_and_cancelled()
    {
        await using var app = await StartAsync();
        var calendar = app.Services.GetRequiredService<IIntervisionCalendar>();
        var ct = TestContext.Current.CancellationToken;

        var week = await calendar.GetScheduleAsync(Nestor, [Alex, Diego, Nestor, "someone@elsewhere.example"], Local(2, 0), Local(7, 0), ct);

        week.Take(3).ShouldAllBe(c => c.Readable);
        week[0].Busy.ShouldContain(new BusyInterval(Local(2, 8).AddMinutes(30), Local(2, 12), BusyKind.Busy)); // Alex's Monday lessons
        week[0].Busy.ShouldContain(b => b.Kind == BusyKind.Tentative);
        week[2].Busy.ShouldContain(b => b.Kind == BusyKind.Tentative);
        week[3].Readable.ShouldBeFalse();
        week[3].Problem.ShouldBe(UnreadableReason.NoMailbox);
        var studyDay = await calendar.GetScheduleAsync(Nestor, [Diego], Local(10, 0), Local(11, 0), ct); // the demo's today is Monday 2 March
        studyDay.Single().Busy.ShouldBe([new BusyInterval(Local(10, 8), Local(10, 17), BusyKind.OutOfOffice)]);

        var request = new MeetingRequest(Nestor, "Intervisie", "<p>Intervisie</p>", Local(4, 14), Local(4, 15).AddMinutes(30), "Europe/Brussels",
            [new MeetingAttendee(Alex, "Alex Wilber"), new MeetingAttendee(Diego, "Diego Siciliani")], "intervision-1-1");
        var booked = await calendar.CreateMeetingAsync(request, ct);
        var again = await calendar.CreateMeetingAsync(request, ct);

        again.ShouldBe(booked);
        booked.JoinUrl.ShouldStartWith("https://teams.microsoft.com/l/meetup-join/");
        (await calendar.GetScheduleAsync(Nestor, [Alex], Local(4, 13), Local(4, 17), ct)).Single().Busy
            .ShouldBe([new BusyInterval(Local(4, 14), Local(4, 15).AddMinutes(30), BusyKind.Busy)]);

        await calendar.MoveMeetingAsync(Nestor, booked.EventId, Local(5, 15), Local(5, 16).AddMinutes(30), "Europe/Brussels", ct);
        (await calendar.GetScheduleAsync(Nestor, [Alex], Local(4, 13), Local(4, 17), ct)).Single().Busy.ShouldBeEmpty();

        await calendar.CancelMeetingAsync(Nestor, booked.EventId, "Gaat niet door", ct);
        (await calendar.GetScheduleAsync(Nestor, [Diego], Local(5, 15), Local(5, 17), ct)).Single().Busy.ShouldBeEmpty();
        (await Should.ThrowAsync<CalendarException>(() => calendar.MoveMeetingAsync(Nestor, "standin-404", Local(5, 15), Local(5, 16), "Europe/Brussels", ct)))
            .Problem.ShouldBe(CalendarProblem.NotFound);
    }

    [Fact]
    public async Task The_stand_in_answers_only_on_this_machine_and_a_malformed_body_gets_400()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        using var numbers = new StringContent("""{"schedules":[1,2],"startTime":{"dateTime":"x"}}""", Encoding.UTF8, "application/json");
        using var notJson = new StringContent("{", Encoding.UTF8, "application/json");

        (await client.PostAsync($"/dev/graph/v1.0/users/{Nestor}/calendar/getSchedule", numbers, ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.PostAsync($"/dev/graph/v1.0/users/{Nestor}/events", notJson, ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        app.RequestHeaders["X-Forwarded-For"] = "203.0.113.7";
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");
        var forwarded = await client.PostAsync($"/dev/graph/v1.0/users/{Nestor}/events", body, ct);
        forwarded.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task With_a_bot_identity_there_is_no_stand_in_and_an_unconfigured_Graph_says_so()
    {
        await using var app = await BotApplication.StartAsync(settings =>
        {
            settings["Bot:AppId"] = "00000000-0000-0000-0000-00000000b075";
            settings["Bot:AppPassword"] = "not-a-real-secret";
        });
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var body = new StringContent("{}", Encoding.UTF8, "application/json");

        (await client.PostAsync($"/dev/graph/v1.0/users/{Nestor}/events", body, ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var failure = await Should.ThrowAsync<CalendarException>(() =>
            app.Services.GetRequiredService<IIntervisionCalendar>().GetScheduleAsync(Nestor, [Alex], Local(2, 0), Local(7, 0), ct));
        failure.Problem.ShouldBe(CalendarProblem.Unavailable);
        failure.Message.ShouldContain("Graph:TenantId");
    }
}
