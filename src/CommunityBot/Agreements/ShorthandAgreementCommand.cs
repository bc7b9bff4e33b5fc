using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>"afspraak finish @Megan: …": records one agreement from a line of text.</summary>
internal sealed class ShorthandAgreementCommand(CommunityDirectory communities, AgreementBook book, AppDbContext db, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers => AgreementShorthand.Triggers;

    public CommandHelp Help(Language language)
    {
        var texts = AgreementTexts.All.For(language);
        return new CommandHelp(texts.ShortCommand, texts.ShortWhat) { Audience = CommandAudience.Coach | CommandAudience.CoachTheCoach | CommandAudience.Admin, Topic = CommandTopic.Coaching, Example = language == Language.English ? "agreement finish @Megan: unit 3 test" : "afspraak afwerken @Megan: toets H3" };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = AgreementTexts.All.For(context.Language);
        var actor = context.State.RequirePerson();
        var managed = await communities.RunByAsync(actor, context.Turn.Activity.TeamId, ct);
        if (managed.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NotACoach, ct);
            return;
        }
        if (AgreementShorthand.Parse(context.Turn.Activity.Text) is not { } parsed)
        {
            await context.Turn.ReplyTextAsync(texts.ShortSyntaxUsage, ct);
            return;
        }
        // With several communities (a personal chat), the names decide; when they fit more than one, the coach is asked.
        List<ResolvedNames> fitting = [];
        ResolvedNames? firstAttempt = null;
        foreach (var community in managed)
        {
            var people = await CommunityPeople.ActiveAsync(db, community.Id, ct);
            var attempt = ResolvedNames.Resolve(community.Id, people, parsed);
            firstAttempt ??= attempt;
            if (attempt.Unknown.Count == 0)
            {
                fitting.Add(attempt);
            }
        }
        if (fitting.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.UnknownNames(string.Join(", ", firstAttempt!.Unknown.Select(n => "@" + n))), ct);
            return;
        }
        if (fitting.Count > 1)
        {
            var names = managed.Where(c => fitting.Any(f => f.CommunityId == c.Id)).Select(c => c.Name);
            await context.Turn.ReplyTextAsync(texts.WhichCommunity(string.Join(", ", names)), ct);
            return;
        }
        var resolved = fitting[0];
        long? dueSessionId = null;
        if (parsed.Due is { } dueDate)
        {
            var (session, answer) = await DueSessionAsync(resolved.CommunityId, dueDate, context.Language, ct);
            if (session is null)
            {
                await context.Turn.ReplyTextAsync(answer!, ct);
                return;
            }
            dueSessionId = session.Id;
        }
        var madeAt = await book.LastStartedSessionAsync(resolved.CommunityId, ct);
        var result = await book.RecordAsync(actor, new AgreementDraft
        {
            CommunityId = resolved.CommunityId,
            MadeAtSessionId = madeAt?.Id,
            Kind = parsed.Kind,
            Text = parsed.Text,
            WholeGroup = parsed.WholeGroup,
            OwnerIds = resolved.Owners,
            WholeGroupDepends = parsed.WholeGroupDepends,
            DependantIds = resolved.Dependants,
            DueSessionId = dueSessionId,
        }, ct);
        await context.Turn.ReplyTextAsync(result.Outcome switch
        {
            RecordOutcome.Recorded => texts.Confirmation(texts.RecordedByText(texts.Kind(parsed.Kind), parsed.Text), result.SummaryPosted),
            RecordOutcome.NotAllowed => texts.OnlyCoachRecords,
            RecordOutcome.TextTooLong => texts.TextTooLong,
            _ => texts.ShortSyntaxUsage,
        }, ct);
    }

    /// <summary>
    /// The planned session on the local date typed (in the community's time zone; without a year the next time that
    /// day comes), or the answer that lists the planned dates.
    /// </summary>
    private async Task<(Session? Session, string? Answer)> DueSessionAsync(long communityId, ShorthandDue due, Language language, CancellationToken ct)
    {
        var timeZone = await db.Communities.Where(c => c.Id == communityId).Select(c => c.TimeZone).SingleAsync(ct);
        var zone = LocalClock.Zone(timeZone);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        var date = due.DateFrom(today);
        var upcoming = await book.UpcomingSessionsAsync(communityId, ct);
        var session = upcoming.FirstOrDefault(s => DateOnly.FromDateTime(LocalClock.ToLocal(s.StartsAt, zone)) == date);
        if (session is not null)
        {
            return (session, null);
        }
        var texts = CloseLoopTexts.All.For(language);
        var typed = date is { } day ? day.ToString("dddd d MMMM yyyy", language.Culture()) : $"{due.Day}/{due.Month}";
        var planned = upcoming.Count == 0 ? texts.NoSessionsPlanned : string.Join(", ", upcoming.Select(s => Formats.Day(s.StartsAt, zone, language, now)));
        return (null, texts.NoSessionOn(typed, planned));
    }

    private sealed record ResolvedNames(long CommunityId, List<long> Owners, List<long> Dependants, List<string> Unknown)
    {
        public static ResolvedNames Resolve(long communityId, IReadOnlyList<CommunityPerson> people, Shorthand parsed)
        {
            List<string> unknown = [];
            return new ResolvedNames(communityId, Find(parsed.Owners), Find(parsed.Dependants), unknown);

            List<long> Find(IEnumerable<string> names) =>
                [.. names.Select(name =>
                {
                    var match = Match(people, name);
                    if (match is null)
                    {
                        unknown.Add(name);
                    }
                    return match?.PersonId ?? 0;
                }).Where(id => id != 0)];
        }

        /// <summary>A full name, or a first name that only one member has.</summary>
        private static CommunityPerson? Match(IReadOnlyList<CommunityPerson> people, string name)
        {
            var full = people.Where(p => p.Name.Equals(name, StringComparison.CurrentCultureIgnoreCase)).ToList();
            if (full.Count == 1)
            {
                return full[0];
            }
            var first = people.Where(p => p.Name.Split(' ')[0].Equals(name, StringComparison.CurrentCultureIgnoreCase)).ToList();
            return first.Count == 1 ? first[0] : null;
        }
    }
}
