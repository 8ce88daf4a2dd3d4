using Interview.Web.Shared.Hosting;
using System.Net;
using System.Threading.RateLimiting;
using Interview.Sandbox;
using Interview.Web.Features.Editor;
using Interview.Web.Features.Execution.Workers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Execution;

/// <summary><c>POST /api/runs</c>: run a program in the sandbox and get the CLI's JSON (docs/runs-api.md).</summary>
public static class RunsEndpoints
{
    /// <summary>Body of <c>POST /api/runs</c>.</summary>
    public sealed record RunBody(string? Language, string? Source, string? Stdin);

    public static void AddExecution(this WebApplicationBuilder builder)
    {
        builder.AddSettings<SandboxOptions>("Sandbox");
        builder.Services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxVisibilityCheck>();
        builder.Services.AddSingleton<LazyCodeRunner>();
        builder.Services.AddSingleton<IRunStore, RunStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SandboxWorkers>();
        builder.Services.AddSingleton<ICodeRunner, WorkerDispatcher>();
        builder.Services.AddSingleton<ApiRunLimiter>();
    }

    public static void MapExecution(this WebApplication app) =>
        app.MapPost("/api/runs", RunAsync).DisableAntiforgery();

    private static async Task<IResult> RunAsync(RunBody? body, HttpContext context, ICodeRunner runner, ApiRunLimiter limiter, IOptions<EditorOptions> options)
    {
        if (body is null || string.IsNullOrEmpty(body.Language) || body.Source is null)
            return Problem(StatusCodes.Status400BadRequest, "Send JSON {\"language\": \"python\", \"source\": \"…\", \"stdin\": \"…\"}.");
        if (body.Source.Length > options.Value.MaxDocumentBytes) return Problem(StatusCodes.Status413PayloadTooLarge, "The source is too large.");
        if (body.Stdin?.Length > options.Value.MaxStdinChars) return Problem(StatusCodes.Status413PayloadTooLarge, "The input is too large.");
        using var lease = limiter.Acquire(context.Connection.RemoteIpAddress);
        if (!lease.IsAcquired)
        {
            context.Response.Headers.RetryAfter = "60";
            return Problem(StatusCodes.Status429TooManyRequests, $"At most {options.Value.ApiRunsPerMinute} runs per minute.");
        }
        try
        {
            var result = await runner.RunAsync(new RunRequest(body.Language, body.Source, body.Stdin, "api:" + context.Connection.RemoteIpAddress), null, context.RequestAborted);
            return Results.Text(result.ToJson(), "application/json");
        }
        catch (UnknownLanguageException e) { return Problem(StatusCodes.Status400BadRequest, e.Message); }
        catch (SandboxBusyException e) { return Problem(StatusCodes.Status503ServiceUnavailable, e.Message); }
        catch (ArgumentOutOfRangeException e) { return Problem(StatusCodes.Status400BadRequest, e.Message); }
    }

    private static IResult Problem(int status, string detail) => Results.Json(new { error = detail }, statusCode: status);

    /// <summary>A fixed window of <see cref="EditorOptions.ApiRunsPerMinute"/> runs per client address.</summary>
    internal sealed class ApiRunLimiter(IOptions<EditorOptions> options) : IDisposable
    {
        private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Value.ApiRunsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));

        public RateLimitLease Acquire(IPAddress? address) => _limiter.AttemptAcquire(address?.ToString() ?? "unknown");

        public void Dispose() => _limiter.Dispose();
    }
}
