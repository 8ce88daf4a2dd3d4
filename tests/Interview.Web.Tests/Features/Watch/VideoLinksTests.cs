using Interview.Web.Features.Watch;

namespace Interview.Web.Tests.Features.Watch;

public sealed class VideoLinksTests
{
    public static TheoryData<string, string, double> YouTubeForms => new()
    {
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "http://youtube.com/watch?v=dQw4w9WgXcQ&feature=share", "dQw4w9WgXcQ", 0 },
        { "https://m.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=abc", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube.com/watch/?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube.com/watch?feature=youtu.be&v=dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://youtu.be/dQw4w9WgXcQ?si=Xyz123", "dQw4w9WgXcQ", 0 },
        { "youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://youtube.com/shorts/dQw4w9WgXcQ?feature=share", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=30", "dQw4w9WgXcQ", 30 },
        { "https://www.youtube.com/live/dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube.com/v/dQw4w9WgXcQ", "dQw4w9WgXcQ", 0 },
        { "https://youtu.be/dQw4w9WgXcQ?t=42", "dQw4w9WgXcQ", 42 },
        { "https://youtu.be/dQw4w9WgXcQ?t=42s", "dQw4w9WgXcQ", 42 },
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", "dQw4w9WgXcQ", 90 },
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1h2m3s", "dQw4w9WgXcQ", 3723 },
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=2m", "dQw4w9WgXcQ", 120 },
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ#t=75", "dQw4w9WgXcQ", 75 },
        { "https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&index=4", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube.com/watch?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&v=dQw4w9WgXcQ&t=10", "dQw4w9WgXcQ", 10 },
        { "https://youtu.be/dQw4w9WgXcQ?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", "dQw4w9WgXcQ", 0 },
        { "  https://YOUTU.BE/dQw4w9WgXcQ  ", "dQw4w9WgXcQ", 0 },
        { "https://www.youtube.com/watch?v=a-b_c-d_e-f", "a-b_c-d_e-f", 0 },
    };

    [Theory]
    [MemberData(nameof(YouTubeForms))]
    public void Every_common_YouTube_form_yields_the_video_and_its_start(string input, string id, double start)
    {
        Assert.True(VideoLinks.TryParse(input, out var link, out var error), error);
        Assert.Equal(VideoKind.YouTube, link.Kind);
        Assert.Equal(id, link.YouTubeId);
        Assert.Equal(start, link.StartSeconds);
        Assert.Equal("https://www.youtube.com/watch?v=" + id, link.Url);
    }

    [Theory]
    [InlineData("https://cdn.example.com/talks/intro.mp4", 0)]
    [InlineData("http://127.0.0.1:8080/media/clip.webm?token=abc", 0)]
    [InlineData("https://example.com/video.ogv#t=12.5", 12.5)]
    [InlineData("https://example.com/video.webm#t=10,20", 10)]
    [InlineData("https://vimeo-cdn.example.net/stream", 0)]
    public void Other_http_links_are_direct_videos(string input, double start)
    {
        Assert.True(VideoLinks.TryParse(input, out var link, out var error), error);
        Assert.Equal(VideoKind.Direct, link.Kind);
        Assert.Null(link.YouTubeId);
        Assert.Equal(start, link.StartSeconds);
        Assert.StartsWith("http", link.Url);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "cannot be played")]
    [InlineData("JavaScript:alert(document.cookie)", "cannot be played")]
    [InlineData("data:video/mp4;base64,AAAA", "cannot be played")]
    [InlineData("file:///etc/passwd", "not a link")]
    [InlineData("ftp://example.com/video.mp4", "cannot be played")]
    [InlineData("/relative/video.mp4", "not a link")]
    [InlineData("not a url at all", "not a link")]
    [InlineData("", "Paste a YouTube link")]
    [InlineData("   ", "Paste a YouTube link")]
    [InlineData("https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", "playlist link without a current video")]
    [InlineData("https://www.youtube.com/watch?v=short", "is not a YouTube video id")]
    [InlineData("https://www.youtube.com/watch?v=<script>xxxx", "is not a YouTube video id")]
    [InlineData("https://www.youtube.com/@somechannel", "names no video")]
    [InlineData("https://youtu.be/", "names no video")]
    [InlineData("https://example.com/a\nb.mp4", "control characters")]
    public void Bad_links_get_a_clear_error(string input, string message)
    {
        Assert.False(VideoLinks.TryParse(input, out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void Huge_links_are_refused_before_parsing()
    {
        var huge = "https://example.com/" + new string('a', VideoLinks.MaxLength);
        Assert.False(VideoLinks.TryParse(huge, out _, out var error));
        Assert.Contains("too long", error);
        Assert.False(VideoLinks.TryParse(new string('x', 1_000_000), out _, out error));
        Assert.Contains("too long", error);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("1m30s", 90)]
    [InlineData("1m30", 90)]
    [InlineData("1h", 3600)]
    [InlineData("1h0m5s", 3605)]
    [InlineData("01:30", 90)]
    [InlineData("1:02:03", 3723)]
    [InlineData("12.5", 12.5)]
    public void Start_offsets_in_YouTube_forms(string value, double seconds) =>
        Assert.Equal(seconds, VideoLinks.ParseOffset(value));

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e400")]
    public void Nonsense_offsets_are_ignored(string value) => Assert.Null(VideoLinks.ParseOffset(value));
}
