using System.Diagnostics;
using System.Text.Json.Nodes;
using CommunityBot.Intervision;
using CommunityBot.Schedule;
using Microsoft.Extensions.Options;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Intervision.Graph.FakeGraph;

namespace CommunityBot.Tests.Intervision.Graph;

/// <summary>The real GraphServiceClient against Graph-shaped answers on loopback, and the slot finder on what it read.</summary>
public sealed class GraphCalendarTests : IDisposable
{
    private const string Alex = "alex.wilber@contoso.example";
    private const string Diego = "diego.siciliani@contoso.example";

    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly SchoolCalendar SchoolDays = new(Options.Create(new ScheduleOptions()));
    private readonly FakeGraph graph = new();

    public void Dispose() => graph.Dispose();

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private async Task<IReadOnlyList<ProposedSlot>> SlotsAsync(DateTimeOffset from, DateTimeOffset to, int wanted = 3, bool tentativeIsBusy = true)
    {
        string[] emails = [Alex, Diego, Organizer];
        var calendars = await graph.Calendar.GetScheduleAsync(Organizer, emails, from, to, CancellationToken.None);
        var participants = calendars.Select((c, i) => new ParticipantCalendar(i + 1, c.Email, c.Readable, c.Busy)).ToList();
        return SlotFinder.Find(new SlotQuery(
            participants, from, to, TimeSpan.FromMinutes(90), "Europe/Brussels",
            new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
            new TimeOnly(13, 0), new TimeOnly(17, 0), SchoolDays.IsSchoolDay, TimeSpan.FromMinutes(15), wanted, tentativeIsBusy));
    }

    [Fact]
    public async Task Slots_on_busy_calendars_keep_clear_of_every_meeting_with_a_quarter_hour_around_it()
    {
        // The week of Monday 9 March 2026 (UTC+1): afternoons 13:00–17:00 local are 12:00–16:00 UTC.
        graph.Schedules[Alex] = Items(
            ("busy", "2026-03-09T12:00:00", "2026-03-09T14:00:00"),
            ("tentative", "2026-03-10T13:00:00", "2026-03-10T14:30:00"),
            ("busy", "2026-03-12T12:00:00", "2026-03-12T16:00:00"));
        graph.Schedules[Diego] = Items(
            ("busy", "2026-03-10T12:00:00", "2026-03-10T13:00:00"),
            ("busy", "2026-03-11T12:00:00", "2026-03-11T12:30:00"),
            ("oof", "2026-03-12T07:00:00", "2026-03-12T16:00:00"));
        graph.Schedules[Organizer] = Items(
            ("busy", "2026-03-09T14:30:00", "2026-03-09T16:00:00"),
            ("busy", "2026-03-13T15:00:00", "2026-03-13T16:00:00"));
        graph.AnswersSchedules();

        var slots = await SlotsAsync(Utc(3, 9, 0), Utc(3, 14, 0));
        var relaxed = await SlotsAsync(Utc(3, 9, 0), Utc(3, 14, 0), tentativeIsBusy: false);

        slots.Select(s => s.Start).ShouldBe([Utc(3, 11, 13), Utc(3, 11, 14, 30), Utc(3, 13, 12)]);
        slots.ShouldAllBe(s => s.EveryoneFree);
        relaxed.Select(s => s.Start).ShouldBe([Utc(3, 10, 13, 30), Utc(3, 11, 13), Utc(3, 13, 12)]);
        var request = Json(graph.Requests("/calendar/getSchedule").First().RequestMessage.Body);
        request["startTime"]!.ToJsonString().ShouldBe("""{"dateTime":"2026-03-09T00:00:00","timeZone":"UTC"}""");
        request["availabilityViewInterval"]!.GetValue<int>().ShouldBe(15);
        graph.Requests("/calendar/getSchedule").First().RequestMessage.Headers!["Prefer"].ShouldContain("outlook.timezone=\"UTC\"");
    }

    [Fact]
    public async Task A_week_across_the_change_to_summer_time_keeps_the_local_hours_whatever_zone_Graph_writes()
    {
        // Each weekday Alex teaches 13:00–14:00 local: 12:00 UTC before Sunday 29 March 2026, 11:00 UTC after it.
        graph.Schedules[Alex] = Items(
            ("busy", "2026-03-26T12:00:00", "2026-03-26T13:00:00"),
            ("busy", "2026-03-27T12:00:00", "2026-03-27T13:00:00"),
            ("busy", "2026-03-30T11:00:00", "2026-03-30T12:00:00"),
            ("busy", "2026-03-31T11:00:00", "2026-03-31T12:00:00"));
        // Diego's answer comes in Windows zone names, as Graph writes them when it is not asked for UTC.
        graph.Schedules[Diego] = JsonNode.Parse("""
            {"scheduleItems":[
              {"status":"busy","start":{"dateTime":"2026-03-26T16:30:00.0000000","timeZone":"Romance Standard Time"},"end":{"dateTime":"2026-03-26T17:00:00.0000000","timeZone":"Romance Standard Time"}},
              {"status":"busy","start":{"dateTime":"2026-03-30T16:30:00.0000000","timeZone":"Romance Standard Time"},"end":{"dateTime":"2026-03-30T17:00:00.0000000","timeZone":"Romance Standard Time"}}]}
            """)!.AsObject();
        graph.Schedules[Organizer] = Items();
        graph.AnswersSchedules();

        var slots = await SlotsAsync(Utc(3, 26, 0), Utc(4, 1, 0), wanted: 4);

        // 14:15 would touch the lesson's quarter hour, so 14:30 local: 13:30 UTC in winter, 12:30 UTC in summer;
        // Diego's 16:30 local keeps a later start away on the 26th and the 30th.
        slots.Select(s => s.Start).ShouldBe([Utc(3, 26, 13, 30), Utc(3, 27, 13, 30), Utc(3, 30, 12, 30), Utc(3, 31, 12, 30)]);
    }

    [Fact]
    public async Task A_holiday_week_gets_no_slot_even_with_empty_calendars()
    {
        graph.Schedules[Alex] = Items();
        graph.Schedules[Diego] = Items();
        graph.Schedules[Organizer] = Items();
        graph.AnswersSchedules();

        // The Easter holiday of 2026 runs from Monday 6 to Sunday 19 April.
        var slots = await SlotsAsync(Utc(4, 6, 0), Utc(4, 22, 0), wanted: 5);

        slots.Select(s => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.Start, Brussels).DateTime)).Distinct().ShouldBe([new(2026, 4, 20), new(2026, 4, 21)]);
    }

    [Fact]
    public async Task When_two_are_busy_all_week_there_is_no_slot_at_all()
    {
        graph.Schedules[Alex] = Items(("oof", "2026-03-09T00:00:00", "2026-03-14T00:00:00"));
        graph.Schedules[Diego] = Items(("busy", "2026-03-09T07:00:00", "2026-03-13T17:00:00"));
        graph.Schedules[Organizer] = Items();
        graph.AnswersSchedules();

        (await SlotsAsync(Utc(3, 9, 0), Utc(3, 14, 0))).ShouldBeEmpty();
    }

    [Fact]
    public async Task When_one_is_away_all_week_the_slots_say_who_would_miss_it()
    {
        graph.Schedules[Alex] = Items(("oof", "2026-03-09T00:00:00", "2026-03-14T00:00:00"));
        graph.Schedules[Diego] = Items();
        graph.Schedules[Organizer] = Items();
        graph.AnswersSchedules();

        var slots = await SlotsAsync(Utc(3, 9, 0), Utc(3, 14, 0));

        slots.Select(s => s.Start).ShouldBe([Utc(3, 9, 12), Utc(3, 10, 12), Utc(3, 11, 12)]);
        slots.ShouldAllBe(s => s.Missing.Single() == 1);
    }

    [Fact]
    public async Task A_mailbox_Graph_cannot_read_is_named_with_a_plain_reason()
    {
        graph.Schedules[Alex] = Items();
        graph.AnswersSchedules();

        var calendars = await graph.Calendar.GetScheduleAsync(Organizer, [Alex, "nobody@contoso.example"], Utc(3, 9, 0), Utc(3, 14, 0), CancellationToken.None);

        calendars.Select(c => (c.Email, c.Readable)).ShouldBe([(Alex, true), ("nobody@contoso.example", false)]);
        calendars[1].Problem.ShouldBe(UnreadableReason.NoMailbox);
    }

    [Fact]
    public async Task More_participants_than_one_request_takes_are_asked_in_batches_of_twenty()
    {
        var emails = Enumerable.Range(1, 45).Select(i => $"coach{i}@contoso.example").ToList();
        foreach (var email in emails)
        {
            graph.Schedules[email] = Items(("busy", "2026-03-09T12:00:00", "2026-03-09T13:00:00"));
        }
        graph.AnswersSchedules();

        var calendars = await graph.Calendar.GetScheduleAsync(Organizer, emails, Utc(3, 9, 0), Utc(3, 14, 0), CancellationToken.None);

        calendars.Select(c => c.Email).ShouldBe(emails);
        calendars.ShouldAllBe(c => c.Readable && c.Busy.Single().Start == Utc(3, 9, 12));
        graph.Requests("/calendar/getSchedule").Select(r => Json(r.RequestMessage.Body)["schedules"]!.AsArray().Count).Order().ShouldBe([5, 20, 20]);
    }

    [Fact]
    public async Task A_search_longer_than_42_days_is_asked_in_parts_and_read_as_one_calendar()
    {
        graph.Schedules[Alex] = Items(("busy", "2026-03-09T12:00:00", "2026-03-09T13:00:00"), ("busy", "2026-04-27T12:00:00", "2026-04-27T13:00:00"));
        graph.AnswersSchedules();

        var calendars = await graph.Calendar.GetScheduleAsync(Organizer, [Alex], Utc(3, 2, 0), Utc(5, 1, 0), CancellationToken.None);

        graph.Requests("/calendar/getSchedule").Select(r => Json(r.RequestMessage.Body)["StartTime"]!["dateTime"]!.GetValue<string>())
            .ShouldBe(["2026-03-02T00:00:00", "2026-04-13T00:00:00"], ignoreOrder: true);
        calendars.Single().Readable.ShouldBeTrue();
        calendars.Single().Busy.Select(b => b.Start).ShouldBe([Utc(3, 9, 12), Utc(4, 27, 12)]); // each part answered, one interval each
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_Graph_asks_for()
    {
        graph.Schedules[Alex] = Items(("busy", "2026-03-09T12:00:00", "2026-03-09T13:00:00"));
        graph.AnswersSchedules(throttledFirst: 1);
        var watch = Stopwatch.StartNew();

        var calendars = await graph.Calendar.GetScheduleAsync(Organizer, [Alex], Utc(3, 9, 0), Utc(3, 14, 0), CancellationToken.None);

        calendars.Single().Busy.Single().Start.ShouldBe(Utc(3, 9, 12));
        graph.Requests("/calendar/getSchedule").Count().ShouldBe(2);
        watch.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)); // Retry-After: 1
    }

    [Fact]
    public async Task A_403_says_which_permission_or_policy_is_missing()
    {
        graph.Fails("POST", "/v1.0/users/*/calendar/getSchedule", 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

        var failure = await Should.ThrowAsync<CalendarException>(() =>
            graph.Calendar.GetScheduleAsync(Organizer, [Alex], Utc(3, 9, 0), Utc(3, 14, 0), CancellationToken.None));

        failure.Problem.ShouldBe(CalendarProblem.AccessDenied);
        failure.Message.ShouldContain("Calendars.ReadWrite");
        failure.Message.ShouldContain("application access policy");
    }

    [Fact]
    public async Task An_unknown_organiser_is_NotFound()
    {
        graph.Fails("POST", "/v1.0/users/*/events", 404, "ErrorInvalidUser", "The requested user 'nestor.wilke@contoso.example' is invalid.");

        var failure = await Should.ThrowAsync<CalendarException>(() => graph.Calendar.CreateMeetingAsync(Meeting(), CancellationToken.None));

        failure.Problem.ShouldBe(CalendarProblem.NotFound);
    }

    private static MeetingRequest Meeting() => new(
        Organizer, "Intervisie procesbegeleiders", "<p>Intervisie van de procesbegeleiders.</p>",
        Utc(3, 11, 13), Utc(3, 11, 14, 30), "Europe/Brussels",
        [new MeetingAttendee(Alex, "Alex Wilber"), new MeetingAttendee(Diego, "Diego Siciliani")],
        "intervision-7-slot-3");

    [Fact]
    public async Task The_meeting_is_a_Teams_meeting_in_the_groups_time_zone_with_every_participant_and_the_transaction_id()
    {
        graph.Answers("POST", $"/v1.0/users/{Organizer}/events", 201, """
            {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users('nestor.wilke%40contoso.example')/events/$entity",
             "id":"AAMkAGI1AAAt9AHjAAA=","subject":"Intervisie procesbegeleiders","transactionId":"intervision-7-slot-3",
             "isOnlineMeeting":true,"onlineMeetingProvider":"teamsForBusiness",
             "start":{"dateTime":"2026-03-11T14:00:00.0000000","timeZone":"Romance Standard Time"},
             "end":{"dateTime":"2026-03-11T15:30:00.0000000","timeZone":"Romance Standard Time"},
             "onlineMeeting":{"joinUrl":"https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzI1%40thread.v2/0?context=%7b%7d"}}
            """);

        var booked = await graph.Calendar.CreateMeetingAsync(Meeting(), CancellationToken.None);

        booked.ShouldBe(new BookedMeeting("AAMkAGI1AAAt9AHjAAA=", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzI1%40thread.v2/0?context=%7b%7d"));
        var sent = graph.Requests("/events").Single().RequestMessage;
        JsonNode.DeepEquals(JsonNode.Parse(sent.Body!), JsonNode.Parse("""
            {
              "@odata.type": "#microsoft.graph.event",
              "attendees": [
                {"@odata.type": "#microsoft.graph.attendee", "emailAddress": {"address": "alex.wilber@contoso.example", "name": "Alex Wilber"}, "type": "required"},
                {"@odata.type": "#microsoft.graph.attendee", "emailAddress": {"address": "diego.siciliani@contoso.example", "name": "Diego Siciliani"}, "type": "required"}
              ],
              "body": {"content": "<p>Intervisie van de procesbegeleiders.</p>", "contentType": "html"},
              "end": {"dateTime": "2026-03-11T15:30:00", "timeZone": "Romance Standard Time"},
              "isOnlineMeeting": true,
              "onlineMeetingProvider": "teamsForBusiness",
              "start": {"dateTime": "2026-03-11T14:00:00", "timeZone": "Romance Standard Time"},
              "subject": "Intervisie procesbegeleiders",
              "transactionId": "intervision-7-slot-3"
            }
            """)).ShouldBeTrue(sent.Body);
        sent.Headers!["Prefer"].ShouldContain("outlook.timezone=\"Romance Standard Time\"");
    }

    [Fact]
    public async Task Moving_patches_start_and_end_and_cancelling_sends_the_comment()
    {
        graph.Answers("PATCH", $"/v1.0/users/{Organizer}/events/AAMkAGI1AAAt9AHjAAA=", 200, """{"id":"AAMkAGI1AAAt9AHjAAA="}""");
        graph.Answers("POST", $"/v1.0/users/{Organizer}/events/AAMkAGI1AAAt9AHjAAA=/cancel", 202, "");

        await graph.Calendar.MoveMeetingAsync(Organizer, "AAMkAGI1AAAt9AHjAAA=", Utc(3, 18, 13), Utc(3, 18, 14, 30), "Europe/Brussels", CancellationToken.None);
        await graph.Calendar.CancelMeetingAsync(Organizer, "AAMkAGI1AAAt9AHjAAA=", "De intervisie gaat niet door.", CancellationToken.None);

        var patch = Json(graph.Requests("AAMkAGI1AAAt9AHjAAA=").Single(r => r.RequestMessage.Method == "PATCH").RequestMessage.Body);
        patch["start"]!.ToJsonString().ShouldBe("""{"dateTime":"2026-03-18T14:00:00","timeZone":"Romance Standard Time"}""");
        patch["end"]!.ToJsonString().ShouldBe("""{"dateTime":"2026-03-18T15:30:00","timeZone":"Romance Standard Time"}""");
        Json(graph.Requests("/cancel").Single().RequestMessage.Body)["comment"]!.GetValue<string>().ShouldBe("De intervisie gaat niet door.");
    }
}
