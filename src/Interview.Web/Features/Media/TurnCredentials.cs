using System.Security.Cryptography;
using System.Text;

namespace Interview.Web.Features.Media;

/// <summary>
/// TURN REST API credentials (draft-uberti-behave-turn-rest), as coturn checks them with <c>use-auth-secret</c>:
/// username = "&lt;unix expiry&gt;:&lt;user id&gt;", password = base64(HMAC-SHA1(secret, username)).
/// </summary>
public static class TurnCredentials
{
    public static (string Username, string Credential) Mint(string secret, string userId, DateTimeOffset expires)
    {
        var username = $"{expires.ToUnixTimeSeconds()}:{userId}";
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username));
        return (username, Convert.ToBase64String(mac));
    }

    /// <summary>The ICE servers for one participant: the static ones plus the TURN URLs with fresh credentials.</summary>
    public static IReadOnlyList<IceServer> For(MediaOptions options, string participantId, DateTimeOffset now)
    {
        var servers = options.IceServers.Select(s => new IceServer(s.Urls, s.Username, s.Credential)).ToList();
        if (options.TurnUrls.Count > 0 && !string.IsNullOrEmpty(options.TurnSecret))
        {
            var (username, credential) = Mint(options.TurnSecret, participantId, now.AddSeconds(options.TurnCredentialSeconds));
            servers.Add(new IceServer(options.TurnUrls, username, credential));
        }
        return servers;
    }
}
