using CommunityBot.Communities;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.Sessions;

public static class SessionVerbs
{
    /// <summary>Opens the planning card for <c>{communityId}</c> (also used by the agreements feature's nudge card), or saves it.</summary>
    public const string Plan = "session.plan";

    /// <summary>Opens the form for <c>{sessionId}</c> prefilled, or saves the new time (bumps the version).</summary>
    public const string Move = "session.move";

    /// <summary>Asks "afgelasten?" for <c>{sessionId}</c>; with <c>confirm</c> (the question's "Ja, afgelasten") cancels it.</summary>
    public const string Cancel = "session.cancel";

    /// <summary>"Terug" / "Nee, terug": the card the button came from (<c>from</c>) again, unchanged.</summary>
    public const string Back = "session.back";
}

public enum SessionChange
{
    Planned,
    Moved,
    Cancelled,
}

/// <summary>The cards of the sessions feature: the planning form, the coach's confirmation, the list of planned sessions and the channel announcement.</summary>
public static class SessionCards
{
    /// <summary>The form to plan a new session (<paramref name="session"/> null) or move one, with earlier input and errors kept.</summary>
    /// <param name="from">Where the form was opened (<see cref="SessionOrigins"/>): "Terug" goes there. A move form always has
    /// one (back to the session's card); a planning form only when opened from the list.</param>
    public static AdaptiveCard Form(Community community, Session? session, SessionForm? values, IReadOnlyList<string> errors, Language language, DateOnly today, string? from = null)
    {
        var texts = SessionTexts.All.For(language);
        var local = session is null ? (DateTime?)null : SessionTime.Local(session.StartsAt, community.TimeZone);
        var title = session is null ? texts.PlanTitle : texts.MoveTitle;
        var body = new List<CardElement>
        {
            Heading(title),
            new TextBlock($"{string.Format(texts.FormIntro, community.Name)} {ChannelLine(community, texts)}") { Wrap = true },
        };
        body.AddRange(errors.Select(e => new TextBlock(e) { Color = TextColor.Attention, Wrap = true }));
        body.Add(new DateInput
        {
            Id = "date",
            Label = texts.DateLabel,
            IsRequired = true,
            ErrorMessage = texts.ErrorDateMissing,
            Min = DateInput.Format(today),
            Value = values?.Date ?? (local is { } d ? DateInput.Format(DateOnly.FromDateTime(d)) : null),
        });
        body.Add(new TimeInput
        {
            Id = "time",
            Label = texts.TimeLabel,
            IsRequired = true,
            ErrorMessage = texts.ErrorTimeMissing,
            Value = values?.Time ?? (local is { } t ? TimeInput.Format(TimeOnly.FromDateTime(t)) : null),
        });
        var cadence = CadenceTexts.All.For(language);
        body.Add(new ChoiceSetInput
        {
            Id = "duration",
            Label = texts.DurationLabel,
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = texts.ErrorDuration,
            Choices = [.. CadenceNorm.Durations().Select(d => new Choice(cadence.Length(d), CadenceCard.Minutes(d)))],
            // Planning starts from the community's usual length; moving keeps the session's own.
            Value = values?.Duration ?? CadenceCard.Minutes(session?.Duration ?? community.SessionDuration),
        });
        body.Add(new TextInput
        {
            Id = "location",
            Label = texts.LocationLabel,
            Placeholder = texts.LocationPlaceholder,
            MaxLength = TextLimits.SessionLocation,
            Value = values?.Location ?? session?.Location,
        });
        body.Add(new TextInput
        {
            Id = "onlineUrl",
            Label = texts.OnlineUrlLabel,
            Placeholder = "https://teams.microsoft.com/l/meetup-join/…",
            MaxLength = TextLimits.SessionLink,
            Value = values?.OnlineUrl ?? session?.OnlineUrl,
        });
        var save = session is null
            ? new ExecuteAction(texts.Save, SessionVerbs.Plan, new SessionForm { CommunityId = community.Id, Save = true, From = from })
            : new ExecuteAction(texts.Save, SessionVerbs.Move, new SessionForm { SessionId = session.Id, Version = session.Version, Save = true, From = from });
        save.Style = ActionStyle.Positive;
        List<CardAction> actions = [save];
        if (session is not null || from == SessionOrigins.List)
        {
            actions.Add(BackAction(texts.Back, new SessionForm { SessionId = session?.Id, CommunityId = community.Id, From = from }));
        }
        return Card(language, title, body, actions);
    }

    /// <summary>For a coach of several communities: which one to plan for (with the date and time typed, if any).</summary>
    public static AdaptiveCard PickCommunity(IEnumerable<Community> communities, Language language, SessionForm? prefill = null)
    {
        var texts = SessionTexts.All.For(language);
        return Card(language, texts.PlanTitle,
            [Heading(texts.PlanTitle), new TextBlock(texts.PickCommunity) { Wrap = true }],
            [.. communities.Select(c => new ExecuteAction(c.Name, SessionVerbs.Plan, (prefill ?? new SessionForm()) with { CommunityId = c.Id }))]);
    }

    /// <summary>
    /// What the coach sees in place of the form once it is saved: the session, with move and cancel, an optional notice,
    /// and the seeds' advice the session goes against (<see cref="SessionWarnings"/>).
    /// </summary>
    public static AdaptiveCard Confirmation(Community community, Session session, SessionChange change, Language language, string? notice = null, IReadOnlyList<string>? warnings = null)
    {
        var texts = SessionTexts.All.For(language);
        var title = change switch
        {
            SessionChange.Planned => texts.PlannedTitle,
            SessionChange.Moved => texts.MovedTitle,
            _ => texts.CancelledTitle,
        };
        IList<CardAction> actions = change == SessionChange.Cancelled
            ? [new ExecuteAction(texts.PlanAnother, SessionVerbs.Plan, new SessionForm { CommunityId = community.Id })]
            : MoveAndCancel(session, texts, from: null);
        var body = new List<CardElement> { Heading(title) };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Attention, Wrap = true });
        }
        body.Add(Facts(community, session, language));
        body.AddRange((warnings ?? []).Select(w => new TextBlock(w) { Color = TextColor.Warning, Wrap = true }));
        if (community.ChannelConversationId is null)
        {
            body.Add(new TextBlock(texts.NoChannel) { IsSubtle = true, Wrap = true });
        }
        return Card(language, title, body, actions);
    }

    /// <summary>The announcement goes only to a linked channel (<see cref="SessionAnnouncer"/>): no promise without one.</summary>
    private static string ChannelLine(Community community, SessionTexts texts) =>
        community.ChannelConversationId is null ? texts.NoChannel : texts.ChannelPromise;

    /// <summary>
    /// The planned sessions of each community, in its time zone, without the year when it is this year there. Where
    /// the person runs the community each session has the confirmation card's move and cancel, with the same data.
    /// </summary>
    public static AdaptiveCard List(IReadOnlyList<CommunitySessions> communities, Language language, DateTimeOffset now)
    {
        var texts = SessionTexts.All.For(language);
        var body = new List<CardElement> { Heading(texts.ListTitle) };
        foreach (var (community, canManage, sessions) in communities)
        {
            var thisYear = SessionTime.Local(now, community.TimeZone).Year;
            body.Add(new TextBlock(community.Name) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Wrap = true, Separator = true, Spacing = Spacing.Large });
            if (sessions.Count == 0)
            {
                body.Add(new TextBlock(texts.ListNothingPlanned) { Wrap = true, IsSubtle = true });
                if (canManage)
                {
                    body.Add(new ActionSet { Actions = [new ExecuteAction(texts.PlanTitle, SessionVerbs.Plan, new SessionForm { CommunityId = community.Id, From = SessionOrigins.List })] });
                }
            }
            foreach (var session in sessions)
            {
                var line = $"{SessionTime.Describe(session.StartsAt, community.TimeZone, language, thisYear)} · {SessionTime.Where(session, language)}";
                var items = new List<CardElement> { new TextBlock(line) { Wrap = true } };
                if (canManage)
                {
                    items.Add(new ActionSet { Actions = MoveAndCancel(session, texts, SessionOrigins.List) });
                }
                body.Add(new Container { Items = items, Spacing = Spacing.Medium });
            }
        }
        return Card(language, texts.ListTitle, body, null);
    }

    /// <summary>
    /// Each community's next session: for those who run it with move and cancel, for a member with
    /// <see cref="NextSession.Regrets"/> ("ik kan niet komen") where they may send them.
    /// </summary>
    public static AdaptiveCard Next(IReadOnlyList<NextSession> communities, Language language)
    {
        var texts = SessionTexts.All.For(language);
        var body = new List<CardElement> { Heading(texts.NextTitle) };
        foreach (var (community, canManage, session, regrets) in communities)
        {
            body.Add(new TextBlock(community.Name) { Weight = TextWeight.Bolder, Size = TextSize.Medium, Wrap = true, Separator = true, Spacing = Spacing.Large });
            if (session is null)
            {
                body.Add(new TextBlock(string.Format(texts.NoNextSession, community.Name)) { Wrap = true, IsSubtle = true });
                if (canManage)
                {
                    body.Add(new ActionSet { Actions = [new ExecuteAction(texts.PlanTitle, SessionVerbs.Plan, new SessionForm { CommunityId = community.Id })] });
                }
                continue;
            }
            body.Add(WhenAndWhere(community, session, language));
            IList<CardAction>? actions = canManage ? MoveAndCancel(session, texts, SessionOrigins.Next)
                : regrets is not null ? [regrets]
                : null;
            if (actions is not null)
            {
                body.Add(new ActionSet { Actions = actions });
            }
        }
        return Card(language, texts.NextTitle, body, null);
    }

    /// <summary>"Sessie van woensdag 12 maart afgelasten?": nothing is cancelled until "Ja, afgelasten"; "Nee, terug" shows the card it came from.</summary>
    public static AdaptiveCard ConfirmCancel(Community community, Session session, Language language, string? from, DateTimeOffset now)
    {
        var texts = SessionTexts.All.For(language);
        var title = string.Format(texts.ConfirmCancelTitle, Formats.Day(session.StartsAt, LocalClock.Zone(community.TimeZone), language, now));
        var body = new List<CardElement>
        {
            Heading(title),
            Facts(community, session, language),
            new TextBlock(texts.ConfirmCancelWhat) { Wrap = true, IsSubtle = true },
        };
        var yes = new ExecuteAction(texts.ConfirmCancelYes, SessionVerbs.Cancel,
            new SessionForm { SessionId = session.Id, Version = session.Version, Confirm = true, From = from }) { Style = ActionStyle.Destructive };
        return Card(language, title, body, [yes, BackAction(texts.ConfirmCancelNo, new SessionForm { SessionId = session.Id, From = from })]);
    }

    /// <summary>
    /// One session as it stands now: planned with move and cancel, or cancelled or over with a line saying so. What
    /// "Terug" shows on the session's own card, and what a press on a card older than the session's last change answers.
    /// </summary>
    public static AdaptiveCard Current(Community community, Session session, Language language, string? notice = null)
    {
        var texts = SessionTexts.All.For(language);
        if (session.Status == SessionStatus.Cancelled)
        {
            return Confirmation(community, session, SessionChange.Cancelled, language, notice);
        }
        var title = session.Status == SessionStatus.Planned ? texts.SessionTitle : texts.HeldTitle;
        var body = new List<CardElement> { Heading(title) };
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Attention, Wrap = true });
        }
        body.Add(Facts(community, session, language));
        return Card(language, title, body, session.Status == SessionStatus.Planned ? MoveAndCancel(session, texts, from: null) : null);
    }

    /// <summary>The message in the community's channel after a session was planned, moved or cancelled.</summary>
    public static AdaptiveCard Announcement(Community community, Session session, SessionChange change, Language language)
    {
        var texts = SessionTexts.All.For(language);
        var title = change switch
        {
            SessionChange.Planned => string.Format(texts.AnnouncePlanned, community.Name),
            SessionChange.Moved => string.Format(texts.AnnounceMoved, community.Name),
            _ => string.Format(texts.AnnounceCancelled, community.Name, SessionTime.Describe(session.StartsAt, community.TimeZone, language)),
        };
        var body = new List<CardElement> { Heading(title) };
        if (change != SessionChange.Cancelled)
        {
            body.Add(Facts(community, session, language));
            body.Add(new TextBlock(texts.AnnounceFooter) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }
        IList<CardAction>? actions = change != SessionChange.Cancelled && session.OnlineUrl is { Length: > 0 } url
            ? [new OpenUrlAction(texts.JoinOnline, url)]
            : null;
        return Card(language, title, body, actions);
    }

    /// <summary>
    /// The version rides along so that a press on an older card is re-checked against the newest plan; where it was
    /// pressed, so that "Terug" returns there.
    /// </summary>
    private static IList<CardAction> MoveAndCancel(Session session, SessionTexts texts, string? from) =>
    [
        new ExecuteAction(texts.Move, SessionVerbs.Move, new SessionForm { SessionId = session.Id, Version = session.Version, From = from }),
        new ExecuteAction(texts.Cancel, SessionVerbs.Cancel, new SessionForm { SessionId = session.Id, Version = session.Version, From = from }) { Style = ActionStyle.Destructive },
    ];

    /// <summary>Leaves a form or a question without sending what was typed.</summary>
    private static ExecuteAction BackAction(string title, SessionForm data) =>
        new(title, SessionVerbs.Back, data) { AssociatedInputs = AssociatedInputs.None };

    private static TextBlock WhenAndWhere(Community community, Session session, Language language) =>
        new($"{SessionTime.Describe(session.StartsAt, community.TimeZone, language)} · {SessionTime.Where(session, language)}") { Wrap = true };

    private static FactSet Facts(Community community, Session session, Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new FactSet
        {
            Facts =
            [
                new CardFact(texts.FactCommunity, community.Name),
                new CardFact(texts.FactWhen, SessionTime.Describe(session.StartsAt, community.TimeZone, language)),
                new CardFact(texts.FactWhere, SessionTime.Where(session, language)),
            ],
        };
    }

    private static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };

    private static AdaptiveCard Card(Language language, string fallback, IList<CardElement> body, IList<CardAction>? actions) => new()
    {
        Lang = language.CardLang(),
        FallbackText = fallback,
        Body = body,
        Actions = actions,
    };
}
