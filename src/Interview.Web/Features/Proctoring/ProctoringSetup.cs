using Interview.Web.Features.Invites;
using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Proctoring;

public static class ProctoringSetup
{
    public static void AddProctoring(this WebApplicationBuilder builder)
    {
        builder.AddSettings<ProctoringOptions>(ProctoringOptions.Section);
        builder.Services.AddSingleton<IExamStore, ExamStore>();
        builder.Services.AddSingleton<IExamBroadcaster, HubExamBroadcaster>();
        // An exam is a grain (Cluster/ExamGrain) hosting its actor; this node reaches it through proxies (Cluster/ExamNode).
        builder.Services.AddSingleton<Cluster.ExamNode>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Cluster.ExamNode>());
        builder.Services.AddSingleton<IExamRegistry, ExamRegistry>();
        // Observer passes are signed with the invite key (Invites:SigningKey), under their own purpose prefix.
        builder.Services.AddSingleton(sp => new ExamPasses(sp.GetRequiredService<InviteKey>().Bytes, sp.GetRequiredService<TimeProvider>()));
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
