using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// In the Agents Playground the coach (Alex) plays the leader Lynne and the coach-the-coach Nestor, and each asks for
/// their digest; then himself. Every digest arrives as a card naming the communities it covers.
/// </summary>
public sealed class DigestPlaygroundTests : IAsyncLifetime
{
    private const string Wiskunde = "Wiskunde eerste graad";
    private const string Nederlands = "Nederlands tweede graad";

    private readonly string workingDirectory = Directory.CreateTempSubdirectory("communitybot-e2e-").FullName;
    private readonly List<string> transcript = [];
    private AgreementsPlaygroundSession? session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, transcript));
        if (session is not null)
        {
            await session.DisposeAsync();
        }
        Directory.Delete(workingDirectory, recursive: true);
    }

    [Fact]
    public async Task Lynne_Nestor_and_Alex_each_get_their_digest_card_with_digest_nu()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);

        var lynne = await DigestAsAsync("Lynne", Nederlands);
        var nestor = await DigestAsAsync("Nestor", Nederlands);
        var alex = await DigestAsAsync("me", Wiskunde);

        lynne.ShouldContain(Wiskunde);
        lynne.ShouldContain(Nederlands);
        nestor.ShouldContain(Wiskunde);
        nestor.ShouldContain(Nederlands);
        alex.ShouldContain(Wiskunde);
        alex.ShouldNotContain(Nederlands);
    }

    /// <param name="naming">A community only this person's digest names among those that can arrive now: Alex's own
    /// weekly digest, sent by the sweep on a school day, names Wiskunde alone.</param>
    private async Task<string> DigestAsAsync(string who, string naming)
    {
        await session!.SayAsync($"act as {who}");
        string[] answer = who == "me" ? ["jezelf", "yourself"] : [who];
        await session.ExpectAsync($"acting as {who}", m => m.Card is null && answer.Any(a => m.Text?.Contains(a, StringComparison.Ordinal) == true));
        await session.SayAsync("digest nu");
        var digest = await session.ExpectDigestAsync($"the digest as {who}", m => m.CardText.Contains(naming, StringComparison.Ordinal));
        return digest.CardText;
    }
}
