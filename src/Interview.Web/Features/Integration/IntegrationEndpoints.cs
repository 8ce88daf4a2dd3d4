using System.Security.Claims;
using Interview.Web.Features.Invites;
using Interview.Web.Features.Rooms;
using Interview.Web.Shared.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Interview.Web.Features.Integration;

/// <summary>
/// The integration API for an outside system (docs/integration-api.md): create rooms, mint invites for named users,
/// list active sessions. JWT bearer (HS256) with a configured issuer, audience and key; the token's <c>role</c>
/// claim must be one of <see cref="IntegrationJwtOptions.AllowedRoles"/>. OpenAPI at <c>/openapi/v1.json</c>.
/// </summary>
public static class IntegrationEndpoints
{
    public const string Scheme = "IntegrationJwt";
    public const string Policy = "Integration";

    public static void AddIntegration(this WebApplicationBuilder builder)
    {
        builder.AddSettings<IntegrationJwtOptions>(IntegrationJwtOptions.Section);
        builder.Services.AddAuthentication().AddJwtBearer(Scheme, jwt => jwt.Events = new JwtBearerEvents
        {
            // JSON errors (the HTML status pages are for people): why the token was refused, never the key.
            OnChallenge = async context =>
            {
                context.HandleResponse();
                var reason = context.AuthenticateFailure switch
                {
                    SecurityTokenExpiredException => "The bearer token has expired.",
                    SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The bearer token's signature is not valid.",
                    SecurityTokenInvalidIssuerException => "The bearer token's issuer is not accepted.",
                    SecurityTokenInvalidAudienceException => "The bearer token's audience is not accepted.",
                    null => "Send Authorization: Bearer <JWT>.",
                    _ => "The bearer token is not valid.",
                };
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                await context.Response.WriteAsJsonAsync(new ApiError(reason));
            },
            OnForbidden = async context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new ApiError("The token's role may not use the integration API."));
            },
        });
        builder.Services.AddOptions<JwtBearerOptions>(Scheme).Configure<IOptions<IntegrationJwtOptions>>((jwt, settings) =>
        {
            var options = settings.Value;
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ValidateIssuerSigningKey = true,
                // Without a configured key every token fails: a random key nobody knows.
                IssuerSigningKey = new SymmetricSecurityKey(options.KeyBytes() ?? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ClockSkew = TimeSpan.FromSeconds(options.ClockSkewSeconds),
                RoleClaimType = "role",
                NameClaimType = "userId",
            };
        });
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
            {
                var allowed = context.Resource is HttpContext http
                    ? http.RequestServices.GetRequiredService<IOptions<IntegrationJwtOptions>>().Value.AllowedRoles
                    : ["interviewer", "admin"];
                return context.User.FindAll("role").Any(c => allowed.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
            }));
        builder.Services.AddOpenApi("v1", openApi =>
        {
            openApi.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer<IntegrationOpenApi>();
        });
    }

    public static void MapIntegration(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").RequireAuthorization(Policy).DisableAntiforgery().WithTags("Integration");
        api.MapPost("/rooms", CreateRoomAsync).RequireRateLimiting(RoomCreationLimit.Policy)
            .WithName("CreateRoom").WithSummary("Create a room")
            .Produces<RoomCreated>(StatusCodes.Status201Created).Produces<ApiError>(StatusCodes.Status400BadRequest);
        api.MapPost("/rooms/{roomId}/invites", MintInviteAsync)
            .WithName("MintInvite").WithSummary("Mint an invite link for a named user with a role")
            .Produces<InviteMinted>(StatusCodes.Status201Created).Produces<ApiError>(StatusCodes.Status400BadRequest).Produces<ApiError>(StatusCodes.Status404NotFound);
        api.MapDelete("/rooms/{roomId}/invites/{inviteId}", RevokeInviteAsync)
            .WithName("RevokeInvite").WithSummary("Revoke an invite link")
            .Produces(StatusCodes.Status204NoContent).Produces<ApiError>(StatusCodes.Status404NotFound);
        api.MapGet("/sessions", ListSessionsAsync)
            .WithName("ListSessions").WithSummary("List active sessions (rooms with someone in them)")
            .Produces<IReadOnlyList<ActiveSession>>();
    }

    private static async Task<IResult> CreateRoomAsync(CreateRoomBody? body, HttpContext context, IRoomRegistry rooms, IOptions<RoomOptions> roomOptions)
    {
        body ??= new CreateRoomBody(null, null, null, null);
        if (body.Capacity is < 1 || body.Capacity > roomOptions.Value.MaxCapacity)
            return Error(StatusCodes.Status400BadRequest, $"capacity must be 1–{roomOptions.Value.MaxCapacity}.");
        var created = await rooms.CreateAsync(body.Title, body.Capacity, new RoomAccess(body.RequireInvite ?? true, body.Lobby ?? false), context.RequestAborted);
        var room = (await rooms.FindAsync(created.Id, context.RequestAborted))!.Snapshot.Room;
        var result = new RoomCreated(room.Id, room.Title, room.Capacity, room.RequireInvite, room.Lobby, Link(context, RoomPaths.Room(room.Id)));
        return Results.Created(RoomPaths.Room(room.Id), result);
    }

    private static async Task<IResult> MintInviteAsync(string roomId, MintInviteBody? body, HttpContext context, IRoomRegistry rooms, IInviteService invites)
    {
        if (await rooms.FindAsync(roomId, context.RequestAborted) is not { } room) return Error(StatusCodes.Status404NotFound, "No room has that id.");
        if (room.Snapshot.Room.Ended) return Error(StatusCodes.Status409Conflict, "The room has ended.");
        if (body is null) return Error(StatusCodes.Status400BadRequest, "Send JSON {\"userId\", \"displayName\", \"role\", \"testId\"?}.");
        if (string.IsNullOrWhiteSpace(body.UserId)) return Error(StatusCodes.Status400BadRequest, "userId is required.");
        if (string.IsNullOrWhiteSpace(body.DisplayName)) return Error(StatusCodes.Status400BadRequest, "displayName is required.");
        if (!RolePolicy.TryParse(body.Role, out var role)) return Error(StatusCodes.Status400BadRequest, "role must be interviewer, candidate or observer.");
        if (body.TestId is not null && !room.Snapshot.Room.RequireInvite)
            return Error(StatusCodes.Status409Conflict, "A room of a test admits only invite holders: create it with requireInvite true (or through /api/v1/exams/{testId}/rooms).");
        try
        {
            TimeSpan? lifetime = body.ExpiresInHours is { } hours ? TimeSpan.FromHours(hours) : null;
            var invite = await invites.MintAsync(new InviteDraft(room.Id, role, lifetime, body.DisplayName, body.UserId, body.TestId,
                CreatedBy: "api:" + (context.User.FindFirstValue("userId") ?? context.User.FindFirstValue("sub") ?? "?")), context.RequestAborted);
            var minted = new InviteMinted(invite.Id, room.Id, RolePolicy.Name(role), invite.UserId!, invite.DisplayName!, invite.TestId,
                Link(context, InviteService.Path(invite.Token)), invite.Token, invite.ExpiresAt);
            return Results.Created(InviteService.Path(invite.Token), minted);
        }
        catch (Exception e) when (e is InviteRequestException or OverflowException or ArgumentException)
        {
            return Error(StatusCodes.Status400BadRequest, e is InviteRequestException ? e.Message : "expiresInHours is out of range.");
        }
    }

    private static async Task<IResult> RevokeInviteAsync(string roomId, string inviteId, IInviteService invites, CancellationToken cancellationToken) =>
        await invites.RevokeAsync(roomId, inviteId, cancellationToken) ? Results.NoContent() : Error(StatusCodes.Status404NotFound, "This room has no such invite.");

    private static async Task<IResult> ListSessionsAsync(IRoomRegistry rooms, CancellationToken cancellationToken)
    {
        var sessions = new List<ActiveSession>();
        foreach (var id in rooms.LoadedRoomIds.Order(StringComparer.Ordinal))
        {
            if (await rooms.FindAsync(id, cancellationToken) is not { } room || room.Snapshot.Room.Ended) continue;
            var people = await room.DescribeParticipantsAsync();
            if (people.Count == 0) continue;
            var view = room.Snapshot.Room;
            sessions.Add(new ActiveSession(view.Id, view.Title, view.RequireInvite, view.Lobby, view.EditorLocked,
            [
                .. people.Select(p => new SessionPerson(p.Id, p.DisplayName, RolePolicy.Name(p.Role), p.Presence.ToString().ToLowerInvariant(),
                    p.JoinedAt, p.UserId, p.TestId, p.Waiting)),
            ]));
        }
        return Results.Ok(sessions);
    }

    private static string Link(HttpContext context, string path)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<IntegrationJwtOptions>>().Value.PublicBaseUrl;
        var origin = string.IsNullOrWhiteSpace(configured) ? $"{context.Request.Scheme}://{context.Request.Host}" : configured.TrimEnd('/');
        return origin + path;
    }

    private static IResult Error(int status, string message) => Results.Json(new ApiError(message), statusCode: status);
}
