using System.Security.Cryptography;
using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Proctoring;

public static class ProctoringSetup
{
    public static void AddProctoring(this WebApplicationBuilder builder)
    {
        builder.AddSettings<ProctoringOptions>(ProctoringOptions.Section);
        builder.Services.AddSingleton<IExamBroadcaster, HubExamBroadcaster>();
        builder.Services.AddSingleton<IExamRegistry, ExamRegistry>();
        var dataDir = Path.GetFullPath(builder.Configuration["DATA_DIR"] is { Length: > 0 } d ? d : "data");
        builder.Services.AddSingleton(sp => new ExamPasses(PassKey(dataDir), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ProctoringHubFilter>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<ProctoringHubFilter>());
    }

    /// <summary>The key that signs observer passes, generated once and kept (owner-readable only) in the data directory.</summary>
    private static byte[] PassKey(string dataDir)
    {
        var path = Path.Combine(dataDir, "exam-pass.key");
        if (!File.Exists(path))
        {
            var temp = path + "." + Environment.ProcessId + ".tmp";
            File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temp, path); }
            catch (IOException) when (File.Exists(path)) { File.Delete(temp); }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}

/// <summary>The invigilation browser modules (esbuild entries, sources in <c>wwwroot/src/proctoring/</c>).</summary>
public static class ProctoringAssets
{
    public const string ObserverModule = ClientAssets.RequestPath + "/dist/exam-observer.js";
    public const string CandidateModule = ClientAssets.RequestPath + "/dist/exam-candidate.js";
}
