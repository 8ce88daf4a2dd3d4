using Interview.Sandbox.Execution;
using Interview.Sandbox.Internal;
using Interview.Sandbox.Isolation;
using Interview.Sandbox.Catalog;
using Interview.Sandbox.Limits;
using Interview.Sandbox.Queue;

namespace Interview.Sandbox;

/// <summary>
/// Runs code on this machine: a fair bounded queue in front of bubblewrap sandboxes, each step in its own cgroup.
/// Needs root (cgroups, tmpfs mounts) and bubblewrap. Create one per process and dispose it at shutdown: that kills
/// every sandbox it started and removes its cgroups and mounts.
/// </summary>
public sealed class LocalSandboxRunner : ICodeRunner, IDisposable
{
    private readonly LanguageCatalog _catalog;
    private readonly CgroupTree _cgroups;
    private readonly DedicatedThread _launcher, _janitor;
    private readonly FairQueue _queue;
    private readonly RunExecutor _executor;
    private readonly WarmPool? _pool;
    private readonly string _stateDirectory;
    private int _disposed;

    /// <param name="options">Server configuration; null for the defaults. Validated here.</param>
    /// <exception cref="InvalidOperationException">Not root, bubblewrap missing, or no usable cgroup hierarchy.</exception>
    public LocalSandboxRunner(SandboxOptions? options = null)
    {
        Options = (options ?? new SandboxOptions()).Validate();
        if (Native.GetEuid() != 0) throw new InvalidOperationException("the sandbox needs root (cgroups and tmpfs mounts)");
        if (!File.Exists(Options.BwrapPath))
            throw new InvalidOperationException($"bubblewrap not found at {Options.BwrapPath}; run scripts/install-runtimes.sh");
        _catalog = new LanguageCatalog(Options.LanguagesDirectory);
        var instance = InstanceNames.New();
        StateCleaner.RemoveStale(Options.StateDirectory);
        _stateDirectory = Path.Combine(Options.StateDirectory, instance);
        Directory.CreateDirectory(Options.StateDirectory);
        Native.Chmod(Options.StateDirectory, 0b111_001_001); // 0711: bwrap (unprivileged) traverses
        Directory.CreateDirectory(_stateDirectory);
        // A tmpfs of its own: box mount points come and go with every run, and the whole state goes with one
        // unmount at the end (nothing in it is ever traversed by the clean-up).
        Native.Mount("tmpfs", _stateDirectory, "tmpfs", Native.MsNoSuid | Native.MsNoDev, "size=64m,mode=0755");
        _cgroups = new CgroupTree(Options.CgroupRoot, Options.CgroupName, instance);
        var seccomp = Options.Seccomp ? SeccompFilter.WriteTo(Path.Combine(_stateDirectory, "seccomp.bpf")) : null;
        var layout = new SandboxLayout(Options, _catalog, _stateDirectory, seccomp);
        SandboxInstance.PrepareProcessStarts();
        _launcher = new DedicatedThread("sandbox-launcher");
        _janitor = new DedicatedThread("sandbox-janitor");
        _queue = new FairQueue(Options.MaxConcurrentRuns, Options.MaxQueueLength, Options.MaxQueuedPerOwner);
        _executor = new RunExecutor(Options, layout, _launcher, _janitor, _cgroups, _stateDirectory, () => _queue.Queued > 0);
        if (Options.WarmCount > 0)
        {
            _pool = new WarmPool(Options.WarmCount, () => _executor.LaunchFreshAsync(Options.RunDefaults.DiskMb ?? 64),
                item => _janitor.Post(() =>
                {
                    try
                    {
                        item.Item1.Dispose();
                    }
                    finally
                    {
                        item.Item2.Dispose();
                    }
                }));
            _executor.Pool = _pool;
            _pool.Refill();
        }
    }

    /// <summary>The validated options this runner uses.</summary>
    public SandboxOptions Options { get; }

    /// <summary>This runner's state directory (boxes, generated files), for diagnostics and tests.</summary>
    internal string StateDirectory => _stateDirectory;

    /// <summary>Runs executing now.</summary>
    public int RunningCount => _queue.Running;

    /// <summary>Runs waiting for a worker.</summary>
    public int QueuedCount => _queue.Queued;

    /// <inheritdoc />
    public async Task<RunResult> RunAsync(RunRequest request, IRunObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (!_catalog.TryGet(request.Language, out var language))
            throw new UnknownLanguageException($"unknown language '{request.Language}'; known: {string.Join(", ", _catalog.All.Select(l => l.Id))}");
        if (LanguageCatalog.Unavailability(language) is { } why) throw new UnknownLanguageException(why);
        var run = Resolve(request.Limits, Options.RunDefaults.With(language.Limits));
        var compile = Resolve(null, Options.CompileDefaults.With(language.CompileLimits) with
        {
            DiskMb = run.DiskMb, // one box serves both steps
        });
        observer = SafeObserver.Wrap(observer);
        observer?.PhaseChanged(RunPhase.Queued);
        using var lease = await _queue.EnterAsync(request.OwnerKey ?? "", observer, cancellationToken).ConfigureAwait(false);
        return await _executor.ExecuteAsync(language, run, compile, request, observer, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LanguageInfo>> GetLanguagesAsync(CancellationToken cancellationToken = default) =>
        _catalog.GetInfosAsync().WaitAsync(cancellationToken);

    /// <summary>Lists the languages of a languages directory without starting a runner (no root needed).</summary>
    /// <param name="languagesDirectory">Defaults to <see cref="SandboxOptions.LanguagesDirectory"/>'s default.</param>
    public static Task<IReadOnlyList<LanguageInfo>> ListLanguagesAsync(string? languagesDirectory = null) =>
        new LanguageCatalog(languagesDirectory ?? new SandboxOptions().LanguagesDirectory).GetInfosAsync();

    /// <summary>The program of a language's self-test (<c>languages/&lt;id&gt;/test.*</c>), which prints <c>OK</c>
    /// and then echoes its stdin; null when it has none.</summary>
    public string? GetLanguageTestProgram(string languageId) =>
        _catalog.TryGet(languageId, out var l) && l.TestFile is { } f ? File.ReadAllText(f) : null;

    private ResolvedLimits Resolve(RunLimits? requested, RunLimits fallback)
    {
        var limits = (requested ?? new RunLimits()) with { };
        return ResolvedLimits.Resolve(limits, Options.Maximum, fallback, out var error)
            ?? throw new ArgumentOutOfRangeException(nameof(RunRequest.Limits), error);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _pool?.Dispose();
        _launcher.Dispose();
        _janitor.Dispose(); // runs the teardowns still queued
        _cgroups.Dispose();
        StateCleaner.Remove(_stateDirectory);
    }
}
