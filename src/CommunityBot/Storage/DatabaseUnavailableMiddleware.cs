using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CommunityBot.Storage;

/// <summary>
/// A request that finds the database unavailable is answered 503 with Retry-After instead of 500: Teams and admin
/// scripts retry later, and a turn that failed gave its activity claim back, so the retry is handled afresh. The
/// protocol layer knows nothing of databases; this sits in front of every endpoint.
/// </summary>
internal sealed class DatabaseUnavailableMiddleware(RequestDelegate next, IOptions<StorageOptions> options, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (Answers(context, exception))
        {
            Answer(context, exception, options.Value, logger);
        }
    }

    private static bool Answers(HttpContext context, Exception exception) =>
        !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && DatabaseFailures.IsUnavailable(exception);

    private static void Answer(HttpContext context, Exception exception, StorageOptions options, ILogger logger)
    {
        var seconds = (int)Math.Ceiling(options.UnavailableRetryAfter.TotalSeconds);
        // The type only: a provider's message can quote the statement's values.
        StorageLog.Unavailable(logger, exception.GetType().Name, seconds);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>First in the pipeline, so that authentication and authorization that read the database are covered too.</summary>
    internal sealed class StartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseMiddleware<DatabaseUnavailableMiddleware>();
            next(app);
        };
    }

    /// <summary>In Development the developer exception page sits inside the startup filters and would show a 500 first.</summary>
    internal sealed class DeveloperPageFilter(IOptions<StorageOptions> options, ILogger<DatabaseUnavailableMiddleware> logger) : IDeveloperPageExceptionFilter
    {
        public Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
        {
            if (!Answers(errorContext.HttpContext, errorContext.Exception))
            {
                return next(errorContext);
            }
            Answer(errorContext.HttpContext, errorContext.Exception, options.Value, logger);
            return Task.CompletedTask;
        }
    }
}
