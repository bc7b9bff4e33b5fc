using System.Text;
using System.Text.Json;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Digests;

/// <summary>
/// The digest as Adaptive Cards: one card when it fits Teams' message size, otherwise the same sections shortened, then
/// one "Meer details over…" choice instead of a button per section, then only each community's status line, and beyond
/// that spread over several cards ("deel 2 van 3"). Never fails, however many communities a person follows.
/// </summary>
public static class DigestCards
{
    /// <summary>
    /// The card's share of Teams' ~28 KB message limit: the activity around it (ids, conversation, fallback text) and
    /// the escaping of accents take the rest.
    /// </summary>
    public const int MaxCardBytes = 26 * 1024;

    /// <summary>Up to this many communities the sections are open; beyond, each is a line that opens on a tap.</summary>
    public const int OpenSectionsLimit = 3;

    /// <summary>Charts are the heaviest element and a phone shows one at a time: only the first sections get one.</summary>
    public const int ChartLimit = 3;

    /// <param name="today">The recipient's date, to leave out the year when it is this year; the digest's Monday by default.</param>
    public static IReadOnlyList<AdaptiveCard> Build(Digest digest, DateOnly? today = null)
    {
        // Communities that need attention come first; otherwise the order the digest gives.
        var ordered = digest.Communities.OrderBy(c => c.NeedsAttention.Count == 0).ToList();
        var collapsed = ordered.Count > OpenSectionsLimit;
        var day = today ?? digest.Period.Monday;
        var texts = DigestTexts.All.For(digest.Recipient.Language);
        var tapHeader = new DigestHeader(digest, day, collapsed ? texts.TapToOpen : null);
        // First a button per section, then (many communities) one choice for all with the rows still opening on a
        // tap, then the rows' one-line status alone: each step only when the one before is too big.
        foreach (var (detail, charts) in new[] { (SectionDetail.Standard, ChartLimit), (SectionDetail.Standard, 0), (SectionDetail.Short, 0), (SectionDetail.Compact, 0) })
        {
            var sections = ordered.Select((c, i) => DigestSection.Build(digest, c, detail, collapsed, chart: i < charts, button: true));
            if (Fits(tapHeader.Card(null, [.. sections.SelectMany(s => s)])) is { } card)
            {
                return [card];
            }
        }
        if (collapsed)
        {
            foreach (var detail in new[] { SectionDetail.Short, SectionDetail.Compact, SectionDetail.Status })
            {
                var header = detail == SectionDetail.Status ? new DigestHeader(digest, day, texts.ChooseBelow) : tapHeader;
                var sections = ordered.Select(c => DigestSection.Build(digest, c, detail, collapsed, chart: false, button: false));
                if (Fits(header.Card(null, [.. sections.SelectMany(s => s), .. DigestSection.Picker(digest, ordered)])) is { } card)
                {
                    return [card];
                }
            }
        }
        return Split(digest, ordered, new DigestHeader(digest, day, texts.ChooseBelow));
    }

    /// <summary>One community in full, for the person who pressed "Meer details" on their digest.</summary>
    /// <param name="today">As in <see cref="Build"/>: an old digest's week shows its year.</param>
    public static AdaptiveCard Detail(Digest digest, CommunityDigest community, DateOnly? today = null)
    {
        var language = digest.Recipient.Language;
        var texts = DigestTexts.All.For(language);
        var title = texts.DetailTitle(community.Name);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(DigestHeader.Week(digest.Period, today ?? digest.Period.Monday, language)) { IsSubtle = true, Spacing = Spacing.None, Wrap = true },
            .. DigestSection.Build(digest, community, SectionDetail.Full, collapsed: false, chart: true, button: false),
        ];
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body };
    }

    public static int Size(AdaptiveCard card) => Encoding.UTF8.GetByteCount(card.ToJson());

    private static AdaptiveCard? Fits(AdaptiveCard card) => Size(card) <= MaxCardBytes ? card : null;

    /// <summary>
    /// The rows' one-line status over as few cards as fit them, filled evenly (not two full cards and a third with one
    /// community); every card carries the header, says which part it is and has the choice of its own communities.
    /// </summary>
    private static List<AdaptiveCard> Split(Digest digest, List<CommunityDigest> ordered, DigestHeader header)
    {
        var rows = ordered.Select(c => DigestSection.Build(digest, c, SectionDetail.Status, collapsed: true, chart: false, button: false)).ToList();
        // Each element adds its JSON and a comma to the body array, each choice its JSON and a comma to the choices.
        var sizes = rows.Select((row, i) => row.Sum(Bytes<CardElement>) + Bytes(new Choice(ordered[i].Name, ordered[i].CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture)))).ToList();
        // The header of the widest part ("deel 99 van 99") with an empty choice (a chosen value's room included), so a
        // part that fits here fits with its own number.
        var room = MaxCardBytes - Size(header.Card((99, 99), DigestSection.Picker(digest, [])))
            - Encoding.UTF8.GetByteCount($",\"value\":\"{long.MaxValue}\"");
        var parts = Pack(sizes, room);
        var even = Pack(sizes, Math.Min(room, (sizes.Sum() / parts.Count) + sizes.Max()));
        if (even.Count == parts.Count)
        {
            parts = even;
        }
        return [.. parts.Select((indexes, i) => header.Card(
            (i + 1, parts.Count), [.. indexes.SelectMany(s => rows[s]), .. DigestSection.Picker(digest, [.. indexes.Select(s => ordered[s])])]))];
    }

    private static int Bytes<T>(T element) => Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(element, TeamsJson.Options)) + 1;

    /// <summary>The sections' indexes in order, a new part whenever the next would pass <paramref name="room"/> bytes.</summary>
    private static List<List<int>> Pack(List<int> sizes, int room)
    {
        List<List<int>> parts = [[]];
        var used = 0;
        for (var i = 0; i < sizes.Count; i++)
        {
            if (used + sizes[i] > room && parts[^1].Count > 0)
            {
                parts.Add([]);
                used = 0;
            }
            parts[^1].Add(i);
            used += sizes[i];
        }
        return parts;
    }
}
