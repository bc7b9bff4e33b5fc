using CommunityBot.Bot.Understanding;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Bot.Understanding;

/// <summary>A word that is not "done" must never be corrected into a command that marks an agreement done or pauses a member.</summary>
public sealed class StateChangingGuessTests(InterpreterFixture fixture) : IClassFixture<InterpreterFixture>
{
    [Theory]
    [InlineData("doen")]
    [InlineData("Doen!")]
    [InlineData("one")]
    [InlineData("gone")]
    [InlineData("none")]
    [InlineData("pauzes?")]
    public void A_near_word_does_not_run_a_state_changing_command(string typed)
    {
        var meaning = fixture.Interpreter.Interpret(typed);
        meaning.Kind.ShouldNotBe(MeaningKind.Command, $"{typed} ran {meaning.Command?.Trigger}");
    }
}
