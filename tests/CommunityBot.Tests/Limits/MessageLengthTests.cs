using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CommunityBot.Bot;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Limits;

/// <summary>Messages of any size and shape are answered at once: over the cap politely, under it by a parser that takes linear time.</summary>
public sealed class MessageLengthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Hostile => new()
    {
        { "<at>", "nl-BE", "Dit bericht is te lang voor mij (meer dan 32.768 tekens), dus ik heb er niets mee gedaan." },
        { "a", "nl-BE", "Dit bericht is te lang voor mij (meer dan 32.768 tekens), dus ik heb er niets mee gedaan." },
        { "<at>", "en-US", "This message is too long for me (more than 32,768 characters), so I did nothing with it." },
        { "a", "en-US", "This message is too long for me (more than 32,768 characters), so I did nothing with it." },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task About_a_megabyte_of_mention_tags_or_of_one_character_gets_a_polite_answer_and_nothing_else(string unit, string locale, string answer)
    {
        await using var app = await BotApplication.StartAsync();

        var response = await PostRawAsync(app, app.Teams.Message(Repeat(unit, 1_000_000), locale: locale));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = app.Connector.ActivitiesIn(TeamsActivities.PersonalChatOf(TeamsActivities.Teacher)).Values.ShouldHaveSingleItem();
        reply.Text.ShouldStartWith(answer);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Mention_tags_just_under_the_cap_are_read_as_a_message_like_any_other()
    {
        await using var app = await BotApplication.StartAsync();

        var response = await PostRawAsync(app, app.Teams.Message(Repeat("<at>", 32 * 1024)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var reply = app.Connector.ActivitiesIn(TeamsActivities.PersonalChatOf(TeamsActivities.Teacher)).Values.ShouldHaveSingleItem();
        (reply.Text ?? "").ShouldNotStartWith("Dit bericht is te lang");
    }

    /// <summary>
    /// Timed against itself, in this thread's CPU time (a busy machine's waiting does not count): normalising 32 times the
    /// text may take at most 128 times as long, plus 20 ms. The old backtracking patterns took about 1,000 times as long.
    /// </summary>
    [Theory]
    [InlineData("<at>")]
    [InlineData("<at>x</")]
    [InlineData("<")]
    [InlineData("a")]
    [InlineData(" ")]
    public void Normalising_takes_time_linear_in_the_text_whatever_it_holds(string unit)
    {
        var small = Repeat(unit, 4 * 1024);
        var large = Repeat(unit, 128 * 1024);
        CommandParser.Normalize(small);
        CommandParser.Normalize(large);

        var smallTime = Fastest(() => CommandParser.Normalize(small));
        var largeTime = Fastest(() => CommandParser.Normalize(large));
        var capTime = Fastest(() => CommandParser.Normalize(Repeat(unit, 32 * 1024)));

        TestContext.Current.TestOutputHelper?.WriteLine($"'{unit}': 4 KB {smallTime.TotalMilliseconds:F2} ms, 32 KB {capTime.TotalMilliseconds:F2} ms, 128 KB {largeTime.TotalMilliseconds:F2} ms");
        largeTime.ShouldBeLessThan(smallTime * 128 + TimeSpan.FromMilliseconds(20));
    }

    private static string Repeat(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }
        return text.ToString(0, length);
    }

    private static TimeSpan Fastest(Action action)
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var start = ThreadCpuTime();
            action();
            var spent = ThreadCpuTime() - start;
            fastest = spent < fastest ? spent : fastest;
        }
        return fastest;
    }

    /// <summary>CPU time of the calling thread (Linux, <c>CLOCK_THREAD_CPUTIME_ID</c>); the parser runs synchronously on it.</summary>
    private static TimeSpan ThreadCpuTime()
    {
        if (ClockGetTime(ThreadCpuClock, out var now) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        }
        return TimeSpan.FromTicks((now.Seconds * TimeSpan.TicksPerSecond) + (now.Nanoseconds / 100));
    }

    private const int ThreadCpuClock = 3;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>Posted as Teams writes JSON, without escaping '&lt;' as six bytes, so a megabyte of tags fits the 1 MB body.</summary>
    private static async Task<HttpResponseMessage> PostRawAsync(BotApplication app, CommunityBot.Teams.Schema.Activity activity)
    {
        app.Connector.Learn(activity);
        var options = new JsonSerializerOptions(TeamsJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var client = app.CreateClient();
        return await client.PostAsync("/api/messages", new StringContent(JsonSerializer.Serialize(activity, options), Encoding.UTF8, "application/json"), Ct);
    }
}
