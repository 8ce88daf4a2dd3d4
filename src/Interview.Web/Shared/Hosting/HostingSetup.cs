using Interview.Web.Shared.Security;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.Extensions.FileProviders;
using Serilog;

namespace Interview.Web.Shared.Hosting;

public static class HostingSetup
{
    /// <summary>Logging, Blazor, SignalR and the options every feature shares.</summary>
    public static void AddHosting(this WebApplicationBuilder builder)
    {
        // Serve BlazorMonaco's _content/ and _framework/ from build output outside Development too.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddEnvironmentVariables(prefix: "INTERVIEW_");

        builder.Services.AddSerilog((services, log) => log
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));

        builder.AddSettings<HostingOptions>(HostingOptions.Section);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddHealthChecks();
    }

    public static void UseHosting(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Every cookie (the owner's, antiforgery's) is Secure when the request is https, directly or by a trusted proxy.
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");

        var clientRoot = ClientAssets.FindRoot(app.Environment.ContentRootPath, app.Configuration);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(clientRoot),
            RequestPath = ClientAssets.RequestPath,
        });
        app.MapStaticAssets();
        app.UseAntiforgery();
    }

    public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/healthz");
}
