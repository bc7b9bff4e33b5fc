using CommunityBot.Bot;
using CommunityBot.Localization;

namespace CommunityBot.Privacy;

/// <summary>
/// <c>mijn gegevens</c> / <c>export my data</c>: a card with a one-time download link. Teams lets a bot send a file in a
/// personal chat only through the file-consent flow (upload to the user's OneDrive), which the Agents Playground and the
/// fake Teams cannot do; a link served by the host works everywhere.
/// </summary>
internal sealed class ExportMyDataCommand(ExportLinks links, IHttpContextAccessor http) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["mijn gegevens", "export my data", "my data"];

    public CommandHelp Help(Language language)
    {
        var texts = PrivacyTexts.All.For(language);
        return new CommandHelp(texts.ExportCommand, texts.ExportWhat) { Audience = CommandAudience.Everyone };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await PersonalChatOnly.AllowsAsync(context, cancellationToken))
        {
            return;
        }
        var url = $"{BaseUrl()}{ExportLinks.Path}/{links.TokenFor(context.State.RequirePerson())}";
        await context.Turn.ReplyCardAsync(ExportCard.Build(url, context.Language), cancellationToken);
    }

    /// <summary>The address Teams reached the bot at: https, except on this machine (the playground talks plain http).</summary>
    private string BaseUrl()
    {
        var request = http.HttpContext!.Request;
        var scheme = request.Host.Host is "localhost" or "127.0.0.1" or "[::1]" ? request.Scheme : "https";
        return $"{scheme}://{request.Host}";
    }
}
