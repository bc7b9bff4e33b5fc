using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Storage;

namespace CommunityBot.Agreements;

/// <summary>"afspraak finish @Megan: …": records one agreement from a line of text.</summary>
internal sealed class ShorthandAgreementCommand(CommunityDirectory communities, AgreementBook book, AppDbContext db) : IBotCommand
{
    public IReadOnlyList<string> Triggers => AgreementShorthand.Triggers;

    public CommandHelp Help(Language language)
    {
        var texts = AgreementTexts.All.For(language);
        return new CommandHelp(texts.ShortCommand, texts.ShortWhat);
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
        }, ct);
        await context.Turn.ReplyTextAsync(result.Outcome switch
        {
            RecordOutcome.Recorded => texts.Confirmation(texts.RecordedByText(texts.Kind(parsed.Kind), parsed.Text), result.SummaryPosted),
            RecordOutcome.NotAllowed => texts.OnlyCoachRecords,
            _ => texts.ShortSyntaxUsage,
        }, ct);
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
