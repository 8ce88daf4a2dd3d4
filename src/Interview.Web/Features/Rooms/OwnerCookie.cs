namespace Interview.Web.Features.Rooms;

/// <summary>The HTTP-only cookie that carries a room creator's secret (path-scoped to the room's pages and the hub).</summary>
public static class OwnerCookie
{
    public static string Name(string roomId) => "interview-owner-" + roomId;

    public static void Set(HttpResponse response, CreatedRoom room, bool secure) =>
        response.Cookies.Append(Name(room.Id), room.OwnerToken, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = secure,
            MaxAge = TimeSpan.FromDays(30),
            IsEssential = true,
        });
}
