using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>
/// The line an answer card starts with after a tap, so no tap goes unanswered: what happened ("✓ Gemarkeerd als klaar"),
/// and while it can still be taken back, the undo button with the time it works until.
/// </summary>
public sealed record AnswerNotice(string Text, bool Good, UndoOffer? Undo = null)
{
    public static IEnumerable<CardElement> Blocks(AnswerNotice? notice)
    {
        if (notice is null)
        {
            yield break;
        }
        List<CardElement> items = [new TextBlock(notice.Text) { Weight = TextWeight.Bolder, Color = notice.Good ? TextColor.Good : TextColor.Default, Wrap = true }];
        if (notice.Undo is { } undo)
        {
            items.Add(new TextBlock(undo.Until) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
            items.Add(new ActionSet { Actions = [new ExecuteAction(undo.Title, AgreementVerbs.Undo, undo.Data) { AssociatedInputs = AssociatedInputs.None }] });
        }
        yield return new Container { Style = ContainerStyle.Emphasis, Items = items };
    }
}

/// <summary>The undo button (<paramref name="Title"/>) and the line saying until when it works.</summary>
public sealed record UndoOffer(UndoData Data, string Title, string Until);
