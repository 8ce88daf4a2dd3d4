using System.Net;
using System.Net.Sockets;
using System.Text;
using Interview.Web.Features.Watch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Interview.Web.Tests.Features.Watch;

/// <summary>The oEmbed client against a local fake endpoint (HttpListener on a free loopback port).</summary>
public sealed class OEmbedClientTests : IDisposable
{
    private readonly FakeOEmbed _server = new();

    public void Dispose() => _server.Dispose();

    private OEmbedClient Client(int timeoutMs = 10_000) => new(new HttpClient(), new OEmbedCache(),
        Options.Create(new WatchOptions { OEmbedUrl = _server.Url, OEmbedTimeoutMs = timeoutMs }), NullLogger<OEmbedClient>.Instance);

    [Fact]
    public async Task A_known_video_yields_title_author_and_thumbnail_and_is_cached()
    {
        _server.Respond = _ => (200, """{"title":"Never Gonna Give You Up","author_name":"Rick Astley","thumbnail_url":"https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg","type":"video"}""");
        var client = Client();

        var metadata = await client.GetAsync("dQw4w9WgXcQ");
        Assert.Equal(new VideoMetadata("Never Gonna Give You Up", "Rick Astley", "https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg", null), metadata);
        Assert.Equal("https://www.youtube.com/watch?v=dQw4w9WgXcQ", Assert.Single(_server.Requests).QueryString["url"]);
        Assert.Equal("json", _server.Requests[0].QueryString["format"]);

        Assert.Equal(metadata, await client.GetAsync("dQw4w9WgXcQ"));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_duration_is_taken_when_the_provider_gives_one()
    {
        _server.Respond = _ => (200, """{"title":"Talk","duration":"754"}""");
        Assert.Equal(754, (await Client().GetAsync("aaaaaaaaaaa"))!.DurationSeconds);
    }

    [Fact]
    public async Task Not_found_falls_back_to_null()
    {
        _server.Respond = _ => (404, "Not Found");
        Assert.Null(await Client().GetAsync("bbbbbbbbbbb"));
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_quickly()
    {
        _server.Delay = TimeSpan.FromSeconds(5);
        _server.Respond = _ => (200, """{"title":"Too late"}""");
        var started = DateTime.UtcNow;
        Assert.Null(await Client(timeoutMs: 200).GetAsync("ccccccccccc"));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "the timeout applies");
    }

    [Fact]
    public async Task Malformed_answers_and_unsafe_thumbnails_are_dropped()
    {
        _server.Respond = _ => (200, "<html>not json</html>");
        Assert.Null(await Client().GetAsync("ddddddddddd"));

        _server.Respond = _ => (200, """{"title":"Ok","thumbnail_url":"javascript:alert(1)"}""");
        var metadata = await Client().GetAsync("eeeeeeeeeee");
        Assert.Equal("Ok", metadata!.Title);
        Assert.Null(metadata.ThumbnailUrl);
    }

    [Fact]
    public async Task An_unreachable_endpoint_falls_back_to_null()
    {
        var client = new OEmbedClient(new HttpClient(), new OEmbedCache(),
            Options.Create(new WatchOptions { OEmbedUrl = "http://127.0.0.1:9/oembed", OEmbedTimeoutMs = 1000 }), NullLogger<OEmbedClient>.Instance);
        Assert.Null(await client.GetAsync("fffffffffff"));
    }

    private sealed class FakeOEmbed : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();

        public FakeOEmbed()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/oembed";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }
        public Func<HttpListenerRequest, (int Status, string Body)> Respond { get; set; } = _ => (404, "");
        public TimeSpan Delay { get; set; }
        public List<HttpListenerRequest> Requests { get; } = [];

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) when (!_stop.IsCancellationRequested) { continue; }
                catch (Exception) { return; }
                _ = Task.Run(async () =>
                {
                    lock (Requests) Requests.Add(context.Request);
                    try
                    {
                        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, _stop.Token);
                        var (status, body) = Respond(context.Request);
                        context.Response.StatusCode = status;
                        context.Response.ContentType = "application/json";
                        var bytes = Encoding.UTF8.GetBytes(body);
                        await context.Response.OutputStream.WriteAsync(bytes);
                        context.Response.Close();
                    }
                    catch (Exception) { context.Response.Abort(); }
                });
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
        }
    }
}
