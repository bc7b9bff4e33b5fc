using System.Globalization;
using CommunityBot.Operations;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace CommunityBot.Intervision.Graph;

/// <summary>
/// Graph's failures as <see cref="CalendarException"/>s. Their <see cref="CalendarProblem"/> decides what the
/// coach-the-coach is told, in their language (<see cref="IntervisionTexts"/>); the English message is for the operator.
/// Retries already happened below (Graph's retry handler), so a 429 or 503 that reaches here outlasted them.
/// </summary>
internal static class GraphFailures
{
    public static async Task<T> Translate<T>(BotTelemetry telemetry, ILogger logger, string operation, Func<Task<T>> call)
    {
        using var span = telemetry.StartGraphCall(operation);
        try
        {
            var answer = await call();
            BotTelemetry.Outcome(span, "graph.status", "ok", failed: false);
            return answer;
        }
        catch (ODataError e)
        {
            BotTelemetry.Outcome(span, "graph.status", e.ResponseStatusCode.ToString(CultureInfo.InvariantCulture), failed: true);
            throw Problem(logger, operation, e.ResponseStatusCode, e.Error?.Code, e);
        }
        catch (ApiException e)
        {
            BotTelemetry.Outcome(span, "graph.status", e.ResponseStatusCode.ToString(CultureInfo.InvariantCulture), failed: true);
            throw Problem(logger, operation, e.ResponseStatusCode, null, e);
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            BotTelemetry.Outcome(span, "graph.status", "timeout", failed: true);
            GraphLog.Failed(logger, operation, 0, "timeout");
            throw new CalendarException(CalendarProblem.Unavailable, "Microsoft Graph did not answer in time; try again later.", e);
        }
        catch (HttpRequestException e)
        {
            BotTelemetry.Outcome(span, "graph.status", "unreachable", failed: true);
            GraphLog.Failed(logger, operation, 0, e.HttpRequestError.ToString());
            throw new CalendarException(CalendarProblem.Unavailable, "Microsoft Graph could not be reached; try again later.", e);
        }
    }

    private static CalendarException Problem(ILogger logger, string operation, int status, string? code, Exception inner)
    {
        GraphLog.Failed(logger, operation, status, code);
        return status switch
        {
            401 => new(CalendarProblem.AccessDenied,
                "The bot could not sign in to Microsoft Graph: check Graph:TenantId, Graph:ClientId and the credential.", inner),
            403 => new(CalendarProblem.AccessDenied,
                "Microsoft Graph refused access to the organiser's calendar: the app needs the application permission Calendars.ReadWrite " +
                "with admin consent, and the organiser's mailbox must be allowed by the app's application access policy.", inner),
            404 => new(CalendarProblem.NotFound, "Microsoft Graph found no such mailbox or meeting: check the organiser's e-mail address.", inner),
            429 => new(CalendarProblem.Throttled, "Microsoft Graph is asking the bot to slow down; try again in a few minutes.", inner),
            _ => new(CalendarProblem.Unavailable, $"Microsoft Graph could not do this now ({status} {code}); try again later.", inner),
        };
    }
}
