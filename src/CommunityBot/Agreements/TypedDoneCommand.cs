using System.Globalization;
using CommunityBot.Bot;
using CommunityBot.Bot.Understanding;
using CommunityBot.Localization;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// <c>klaar</c> / <c>done</c> / <c>gedaan</c>, optionally with a number, typed in the personal chat right after a
/// reminder: answers that agreement as the reminder's ✓ button would (the reminder copies are then updated in place by
/// the same path), or asks which when several reminders came. With words instead of a number ("ik heb het artikel
/// gelezen" arrives here as <c>klaar het artikel</c>) it offers the one open agreement those words fit, without marking it.
/// </summary>
internal sealed class TypedDoneCommand(AgreementQueries queries, AgreementBook book, AppDbContext db, TimeProvider clock) : IBotCommand
{
    /// <summary>How long after a reminder "klaar" still refers to it.</summary>
    public static readonly TimeSpan ReminderWindow = TimeSpan.FromDays(2);

    /// <summary>Words too common to tell agreements apart.</summary>
    private static readonly HashSet<string> CommonWords =
    [
        "het", "de", "een", "van", "voor", "met", "mijn", "onze", "die", "dat", "deze", "over", "naar",
        "the", "a", "an", "of", "for", "with", "my", "our", "that", "this", "about", "reading",
    ];

    public IReadOnlyList<string> Triggers { get; } = ["klaar", "gedaan", "done"];

    public bool RunsOnGuess => false;

    public CommandHelp Help(Language language)
    {
        var texts = TypedDoneTexts.All.For(language);
        return new CommandHelp(texts.Command, texts.What) { Audience = CommandAudience.Member, Example = texts.Example };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var actor = context.State.RequirePerson();
        var open = await queries.OpenForOwnerAsync(actor.Id, ct);
        var mine = open.Where(a => a.IsActiveFor(actor.Id)).ToList();
        var arguments = context.Arguments.Trim();
        if (arguments.Length > 0 && !int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            await OfferFittingAsync(context, mine, arguments, ct);
            return;
        }
        var recent = context.InPersonalChat ? await RecentlyRemindedAsync(actor.Id, mine, ct) : [];
        var number = arguments.Length > 0 ? int.Parse(arguments, CultureInfo.InvariantCulture) : (int?)null;
        if (recent.Count == 0 || (number is { } n && (n < 1 || n > recent.Count)) || (number is null && recent.Count > 1))
        {
            // Nothing recent, a number that fits no reminder, or several reminders: the person picks.
            var card = recent.Count == 0 ? MyAgreementsCard.Build(open, context.Language, actor.Id) : WhichOne(recent, context.Language);
            await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), ct);
            return;
        }
        var agreement = recent[(number ?? 1) - 1];
        var result = await book.AnswerAsync(actor, agreement.Id, AgreementStatus.Done, null, tellGroup: false, pressed: null, ct);
        var texts = AgreementTexts.All.For(context.Language);
        await context.Turn.ReplyTextAsync(result.Outcome switch
        {
            AnswerOutcome.Changed or AnswerOutcome.Unchanged => string.Format(TypedDoneTexts.All.For(context.Language).MarkedDone, agreement.Text),
            AnswerOutcome.Closed => texts.AlreadyClosed,
            AnswerOutcome.NotFound => texts.AgreementGone,
            _ => texts.OnlyOwnAnswer,
        }, ct);
    }

    /// <summary>The agreements this person was reminded of in the last <see cref="ReminderWindow"/> and still has to do, latest reminder first.</summary>
    private async Task<IReadOnlyList<AgreementView>> RecentlyRemindedAsync(long personId, IReadOnlyList<AgreementView> mine, CancellationToken ct)
    {
        var ids = mine.Select(a => a.Id).ToList();
        var since = clock.GetUtcNow() - ReminderWindow;
        // Through the plans' (agreement, person, …) index; the few rows of these agreements are compared here.
        var sent = await db.ReminderPlans.AsNoTracking()
            .Where(p => ids.Contains(p.AgreementId) && p.PersonId == personId && p.State == ReminderState.Sent)
            .Select(p => new { p.AgreementId, p.SentAt }).ToListAsync(ct);
        return [.. sent.Where(p => p.SentAt >= since)
            .GroupBy(p => p.AgreementId)
            .OrderByDescending(g => g.Max(p => p.SentAt)).ThenBy(g => g.Key)
            .Select(g => mine.First(a => a.Id == g.Key))];
    }

    /// <summary>"ik heb het artikel gelezen": one open agreement those words fit gets a ✓ button; otherwise the list.</summary>
    private static async Task OfferFittingAsync(CommandContext context, IReadOnlyList<AgreementView> mine, string words, CancellationToken ct)
    {
        var fitting = mine.Where(a => Fits(a.Text, words)).ToList();
        var card = fitting.Count == 1
            ? Offer(fitting[0], context.Language)
            : MyAgreementsCard.Build(mine, context.Language, context.State.RequirePerson().Id);
        await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), ct);
    }

    /// <summary>An agreement fits when one telling word typed (four letters or more) is in its text, give or take a typo.</summary>
    internal static bool Fits(string agreementText, string typed)
    {
        var known = TextWords.Of(agreementText.ToLowerInvariant());
        return TextWords.Of(typed).Where(w => w.Length >= 4 && !CommonWords.Contains(w))
            .Any(w => known.Any(k => Typos.Distance(w, k, Typos.Allowed(k.Length)) <= Typos.Allowed(k.Length)));
    }

    internal static AdaptiveCard Offer(AgreementView agreement, Language language)
    {
        var texts = TypedDoneTexts.All.For(language);
        var question = string.Format(texts.OfferDone, agreement.Text);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = question,
            Body = [new TextBlock(question) { Weight = TextWeight.Bolder, Wrap = true }],
            Actions = [DoneButton(texts.DoneButton, agreement)],
        };
    }

    /// <summary>Each agreement in full with its own ✓ button below it: a long agreement would not fit on a button.</summary>
    internal static AdaptiveCard WhichOne(IReadOnlyList<AgreementView> recent, Language language)
    {
        var texts = TypedDoneTexts.All.For(language);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.WhichOne,
            Body =
            [
                new TextBlock(texts.WhichOne) { Weight = TextWeight.Bolder, Wrap = true },
                .. recent.Select((a, i) => new Container
                {
                    Separator = true,
                    Items =
                    [
                        new TextBlock($"{i + 1}. {a.Text}") { Wrap = true },
                        new ActionSet { Actions = [DoneButton(texts.DoneButton, a)] },
                    ],
                }),
            ],
        };
    }

    /// <summary>The reminder's own ✓ button: pressing it answers through <see cref="AnswerAgreementAction"/> and shows the reminder card.</summary>
    private static ExecuteAction DoneButton(string title, AgreementView agreement) =>
        new(title, AgreementVerbs.Answer, new AnswerData(agreement.Id, AgreementAnswers.Done, AgreementCardViews.Reminder));
}
