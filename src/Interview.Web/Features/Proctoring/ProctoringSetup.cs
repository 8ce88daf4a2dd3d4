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
        builder.Services.AddSingleton(sp => new ExamPasses(RandomNumberGenerator.GetBytes(32), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ProctoringHubFilter>();
        builder.Services.Configure<HubOptions>(hub => hub.AddFilter<ProctoringHubFilter>());
    }
}

/// <summary>The invigilation browser modules (esbuild entries, sources in <c>wwwroot/src/proctoring/</c>).</summary>
public static class ProctoringAssets
{
    public const string ObserverModule = ClientAssets.RequestPath + "/dist/exam-observer.js";
    public const string CandidateModule = ClientAssets.RequestPath + "/dist/exam-candidate.js";
}
