using System.Net.WebSockets;

namespace Interview.Web.Tests.Support;

public static class WebSocketMessages
{
    /// <summary>The next whole message of <paramref name="socket"/>; fails on a close or after 15 s.</summary>
    public static async Task<byte[]> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return message.ToArray();
    }
}
