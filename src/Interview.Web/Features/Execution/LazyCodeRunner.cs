using Interview.Sandbox;
using Microsoft.Extensions.Options;

namespace Interview.Web.Features.Execution;

/// <summary>
/// The host's one sandbox engine, started on first use (bubblewrap, cgroups and warm sandboxes cost nothing until
/// someone runs code). When the machine cannot sandbox (not root, no bubblewrap), runs report
/// <see cref="RunStatus.InternalError"/> with the reason instead of failing the host.
/// </summary>
internal sealed class LazyCodeRunner(IOptions<SandboxOptions> options) : ICodeRunner, IDisposable
{
    private readonly Lazy<(LocalSandboxRunner? Runner, string? Error)> _runner = new(() =>
    {
        try { return (new LocalSandboxRunner(options.Value), null); }
        catch (InvalidOperationException e) { return (null, e.Message); }
    });

    /// <summary>True once the sandbox engine has been started (never on a web node whose runs all went to workers).</summary>
    public bool Started => _runner.IsValueCreated;

    public Task<RunResult> RunAsync(RunRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var (runner, error) = _runner.Value;
        return runner is not null
            ? runner.RunAsync(request, observer, cancellationToken)
            : Task.FromResult(new RunResult(RunStatus.InternalError, null, null, "", "", null, 0, 0, 0, false, "The sandbox is unavailable: " + error));
    }

    public Task<IReadOnlyList<LanguageInfo>> GetLanguagesAsync(CancellationToken cancellationToken = default) =>
        _runner.Value.Runner?.GetLanguagesAsync(cancellationToken) ?? Task.FromResult<IReadOnlyList<LanguageInfo>>([]);

    public void Dispose()
    {
        if (_runner.IsValueCreated) _runner.Value.Runner?.Dispose();
    }
}
