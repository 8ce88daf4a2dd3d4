using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;

namespace Interview.Web.Tests.Support;

/// <summary>
/// Sends one request through the real pipeline as if it came from <paramref name="remoteAddress"/> (a client, or a
/// reverse proxy adding forwarded headers). TestServer leaves the remote address empty otherwise.
/// </summary>
public static class ProxiedRequest
{
    public static Task<HttpContext> SendAsync(this TestServer server, string remoteAddress, string method, string path,
        IDictionary<string, string>? headers = null, string? body = null, string contentType = "application/json") =>
        server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            context.Request.Method = method;
            var query = path.IndexOf('?');
            context.Request.Path = query < 0 ? path : path[..query];
            if (query >= 0) context.Request.QueryString = new QueryString(path[query..]);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>()) context.Request.Headers[name] = value;
            if (body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Request.ContentType = contentType;
                context.Request.ContentLength = bytes.Length;
                context.Request.Body = new MemoryStream(bytes);
                context.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });

    public static async Task<string> ReadBodyAsync(this HttpContext context)
    {
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }

    /// <summary>TestServer decides "no body" from the empty request it starts with; minimal APIs then bind null.</summary>
    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
