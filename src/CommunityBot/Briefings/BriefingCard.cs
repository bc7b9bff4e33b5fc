using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Briefings;

public sealed record HelpRequest(string Name, string Agreement, string? Comment);

/// <summary>Attendance of a held session; <paramref name="Total"/> is 0 when no coach recorded it.</summary>
public sealed record PastAttendance(DateTimeOffset StartsAt, int Present, int Total)
{
    public bool Recorded => Total > 0;
}

/// <summary>Someone who sent regrets for the coming session; the reason is for the coach, who alone gets the briefing.</summary>
public sealed record BriefingRegret(string Name, string? Reason);

/// <param name="Now">When the card is made: its dates carry the year only when that is not the current one.</param>
public sealed record BriefingModel(
    string CommunityName,
    TimeZoneInfo Zone,
    SessionRef Session,
    IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<HelpRequest> HelpRequests,
    IReadOnlyList<PastAttendance> Attendance,
    DateTimeOffset Now,
    bool BeforeHoliday = false,
    IReadOnlyList<BriefingRegret>? Regrets = null,
    CheckInReport? CheckIn = null);

/// <summary>
/// The coach's card the day before a session: every agreement's state (for several owners, how many are done), who
/// asks help and who won't make it (only the coach sees these), what to read, and the headline of the latest check-in.
/// </summary>
public static class BriefingCard
{
    public static AdaptiveCard Build(BriefingModel model, Language language)
    {
        var texts = BriefingTexts.All.For(language);
        var agreementTexts = AgreementTexts.All.For(language);
        var title = texts.Title(model.CommunityName, Formats.DayAndTime(model.Session.StartsAt, model.Zone, language, model.Now));
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
        ];
        if (model.CheckIn is { } checkIn)
        {
            body.Add(new TextBlock(checkIn.Headline(language)) { Wrap = true, IsSubtle = true, Spacing = Spacing.Small });
        }
        if (model.BeforeHoliday)
        {
            body.Add(new TextBlock(agreementTexts.AfterHoliday(Formats.DayAndTime(model.Session.StartsAt, model.Zone, language, model.Now))) { Weight = TextWeight.Bolder, Wrap = true });
        }
        body.Add(Heading(texts.Agreements));
        if (model.Agreements.Count == 0)
        {
            body.Add(new TextBlock(texts.NoAgreements) { Wrap = true, IsSubtle = true });
        }
        // The agreement's text leads, in full width: with the kind as a fact title every agreement had its own
        // column widths, and on a phone a kind like "Materiaal aanbrengen" broke over two lines.
        body.AddRange(model.Agreements.Select(a => new Container
        {
            Items =
            [
                new TextBlock(a.Text) { Weight = TextWeight.Bolder, Wrap = true },
                new TextBlock($"{agreementTexts.Kind(a.Kind)} · {(a.WholeGroup ? agreementTexts.WholeGroup : string.Join(", ", a.Owners.Select(o => o.Name)))}")
                {
                    IsSubtle = true,
                    Wrap = true,
                    Spacing = Spacing.None,
                },
                new TextBlock($"{agreementTexts.StatusLabel}: {agreementTexts.ForCoach(a)}") { Wrap = true, Spacing = Spacing.Small },
            ],
            Separator = true,
        }));
        if (model.HelpRequests.Count > 0)
        {
            body.Add(Heading(texts.HelpAsked));
            body.Add(new FactSet { Facts = [.. model.HelpRequests.Select(h => new CardFact(h.Name, h.Comment is null ? h.Agreement : $"{h.Agreement}: “{h.Comment}”"))] });
        }
        var wont = model.Agreements.SelectMany(a => a.Answers.Where(o => o.Status == AgreementStatus.WontMakeIt).Select(o => new CardFact(o.Person.Name, a.Text))).ToList();
        if (wont.Count > 0)
        {
            body.Add(Heading(texts.WontMakeIt));
            body.Add(new FactSet { Facts = wont });
        }
        if (model.Regrets is { Count: > 0 } regrets)
        {
            body.Add(Heading(texts.Regrets));
            body.Add(new FactSet { Facts = [.. regrets.Select(r => new CardFact(r.Name, r.Reason is null ? texts.NoReason : $"“{r.Reason}”"))] });
        }
        var review = model.Agreements.Where(a => a.Kind == AgreementKind.Review).ToList();
        if (review.Count > 0)
        {
            body.Add(Heading(texts.ToReview));
            body.AddRange(review.Select(a => new TextBlock($"- {a.Text}") { Wrap = true }));
        }
        body.Add(Heading(texts.Attendance));
        if (model.Attendance.Count == 0)
        {
            body.Add(new TextBlock(texts.NoPastSessions) { IsSubtle = true, Wrap = true });
        }
        // One line per session rather than a fact set: a full weekday and month in the narrow title column of a
        // phone broke every date over two lines.
        body.AddRange(model.Attendance.Select(a => new TextBlock(
            $"{Formats.Day(a.StartsAt, model.Zone, language, model.Now)}: {(a.Recorded ? texts.Present(a.Present, a.Total) : texts.NotRecorded)}")
        {
            Wrap = true,
            Spacing = Spacing.Small,
            IsSubtle = !a.Recorded,
        }));
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body = body,
            // For during and after the session: the same card the coach gets the evening after.
            Actions = [new ExecuteAction(texts.CloseTheLoop, CloseLoopVerbs.Show, new LoopData(model.Session.Id))],
            MsTeams = TeamsCardProperties.FullWidth,
        };
    }

    private static TextBlock Heading(string text) =>
        new(text) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Separator = true, Spacing = Spacing.Medium, Wrap = true };
}
