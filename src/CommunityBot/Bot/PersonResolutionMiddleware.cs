using CommunityBot.People;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Bot;

/// <summary>Finds (or records) who sent the activity and the language to answer in, for every later step of the turn.</summary>
internal sealed class PersonResolutionMiddleware(PersonDirectory people, TurnState state) : ITurnMiddleware
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        state.RealPerson = await people.FindOrCreateAsync(turn, cancellationToken);
        state.Person = state.RealPerson;
        state.Language = PersonDirectory.LanguageFor(state.RealPerson, turn.Activity);
        // Commands and buttons act for a person; without one they would have nobody to authorise, so the turn ends here.
        if (state.RealPerson is null && turn.Activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
        {
            var text = BotTexts.All.For(state.Language).UnknownSender;
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                return InvokeResponse.Message(text);
            }
            await turn.ReplyTextAsync(text, cancellationToken);
            return null;
        }
        return await next(turn, cancellationToken);
    }
}
