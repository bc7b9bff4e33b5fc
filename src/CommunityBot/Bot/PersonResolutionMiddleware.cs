using CommunityBot.People;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;

namespace CommunityBot.Bot;

/// <summary>Finds (or records) who sent the activity and the language to answer in, for every later step of the turn.</summary>
internal sealed class PersonResolutionMiddleware(PersonDirectory people, TurnState state) : ITurnMiddleware
{
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, NextTurn next, CancellationToken cancellationToken)
    {
        state.RealPerson = await people.FindOrCreateAsync(turn, cancellationToken);
        state.Person = state.RealPerson;
        state.Language = PersonDirectory.LanguageFor(state.RealPerson, turn.Activity);
        return await next(turn, cancellationToken);
    }
}
