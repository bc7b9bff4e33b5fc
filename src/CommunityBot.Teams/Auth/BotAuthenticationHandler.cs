using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CommunityBot.Teams.Auth;

/// <summary>
/// The bot's authentication scheme: the bearer token checked on its own first, then against the activity it came with (read
/// once, bounded, and only for a token that passed), so that <c>HttpContext.User</c> carries the token's claims. Refusals
/// become 401 (no token), 403 (bad token), 400 (no activity to compare with), 413 (a body over 1 MB) or 503 with
/// Retry-After (signing keys unavailable).
/// </summary>
public sealed class BotAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, BotAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        // Refused before the body is read.
        if (!BotAuthenticator.LooksLikeBearer(header))
        {
            return AuthenticateResult.NoResult();
        }

        BotAuthenticationResult result;
        try
        {
            // A forged token costs no body: up to 1 MB a request is only read for a token that Teams or Entra signed.
            var (token, refusal) = await authenticator.ValidateTokenAsync(header, Context.RequestAborted).ConfigureAwait(false);
            result = token is null ? refusal! : await CheckActivityAsync(token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Whatever a caller sends, an unforeseen failure is a refusal, never a 500 that tells an attacker they found a bug.
            Log.AuthenticationFailed(Logger, exception.GetType().Name);
            result = BotAuthenticationResult.Invalid("Authentication failed unexpectedly");
        }

        if (result is { IsAuthenticated: true, Identity: { } identity })
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, Scheme.Name));
            return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
        }
        return AuthenticateResult.Fail(new BotAuthenticationException(result));
    }

    private async Task<BotAuthenticationResult> CheckActivityAsync(ValidatedBotToken token)
    {
        var read = await InboundActivityReader.ReadAsync(Context, Context.RequestAborted).ConfigureAwait(false);
        return read switch
        {
            { Activity: { } activity } => authenticator.CheckActivity(token, activity),
            { IsTooLarge: true } => BotAuthenticationResult.TooLarge(),
            _ => BotAuthenticationResult.MalformedActivity(),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var outcome = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var refusal = (outcome.Failure as BotAuthenticationException)?.Result;
        switch (refusal?.Status)
        {
            case BotAuthenticationStatus.Invalid:
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            case BotAuthenticationStatus.MalformedActivity:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            case BotAuthenticationStatus.TooLarge:
                Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                break;
            case BotAuthenticationStatus.KeysUnavailable:
                Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                var seconds = (int)Math.Ceiling((refusal.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds);
                Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                break;
            default:
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
                break;
        }
    }
}
