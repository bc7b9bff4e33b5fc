using CommunityBot.Teams.Hosting;

namespace CommunityBot.Bot.Understanding;

/// <summary>"hallo", "bedankt", "👍": a short friendly answer with the two or three things this person can do now.</summary>
public sealed class Greeter(TurnState state, Suggestions suggestions)
{
    public async Task AnswerAsync(TurnContext turn, bool thanks, Func<string, bool> known, CancellationToken cancellationToken)
    {
        var person = state.RequirePerson();
        var texts = UnderstandingTexts.All.For(state.Language);
        var title = thanks ? texts.YoureWelcome : string.Format(texts.Hello, FirstName(person.DisplayName) is { Length: > 0 } name ? " " + name : "");
        var choices = await suggestions.ForAsync(person, turn.Activity.TeamId, state.Language, known, cancellationToken);
        await turn.ReplyCardAsync(UnderstandingCards.Greeting(title, choices, state.Language), cancellationToken);
    }

    private static string FirstName(string? displayName) =>
        displayName?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}
