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
/// The bot's authentication scheme: the bearer token checked against the activity it came with (read once, bounded), so
/// that <c>HttpContext.User</c> carries the token's claims. Refusals become 401 (no token), 403 (bad token), 400 (no
/// activity to compare with) or 503 with Retry-After (signing keys unavailable).
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
            var activity = await InboundActivityReader.ReadAsync(Context, Context.RequestAborted).ConfigureAwait(false);
            result = activity is null
                ? BotAuthenticationResult.MalformedActivity()
                : await authenticator.AuthenticateAsync(header, activity, Context.RequestAborted).ConfigureAwait(false);
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
