using Interview.Web.Features.Integration;
using Interview.Web.Features.Rooms;

namespace Interview.Web.Features.Proctoring;

/// <summary>Request body of <c>POST /api/v1/exams/{testId}/observers</c>.</summary>
public sealed record ObserverPassRequest(string? Name, string? UserId, double? LifetimeHours);

/// <summary>An observer pass and the dashboard link that carries it.</summary>
public sealed record ObserverPassResponse(string TestId, string Pass, string Url, DateTimeOffset ExpiresAt);

/// <summary>A room created for a test.</summary>
public sealed record ExamRoomResponse(string TestId, string RoomId, string Url);

/// <summary>
/// Integration endpoints of invigilation, for the outside system that runs the tests: part of the integration API
/// (<c>/api/v1</c>), behind the same JWT bearer policy.
/// </summary>
public static class ProctoringEndpoints
{
    public const double MaxPassHours = 24 * 7;

    public static RouteGroupBuilder MapProctoring(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/exams/{testId}").RequireAuthorization(IntegrationEndpoints.Policy).DisableAntiforgery().WithTags("Exams");
        api.MapPost("/rooms", CreateRoomAsync).RequireRateLimiting(RoomCreationLimit.Policy).WithSummary("Creates an invite-only room that belongs to the test (mint each candidate a named invite).");
        api.MapPost("/observers", MintObserverPass).WithSummary("Mints an observer pass: a signed, expiring link to the test's dashboard.");
        api.MapGet("/streams", ListStreamsAsync).WithSummary("Lists the test's active streaming sessions (observer, candidate, kind, since).");
        api.MapGet("/candidates", ListCandidatesAsync).WithSummary("Lists the test's candidates with their presence and focus events.");
        return api;
    }

    private static async Task<IResult> CreateRoomAsync(string testId, IRoomRegistry rooms, IExamRegistry exams, HttpContext context)
    {
        if (!TestIds.IsValid(testId)) return BadTestId();
        // Invite-only: a candidate is who the outside system minted an invite for, never whoever has the address.
        var room = await rooms.CreateAsync($"Test {testId}", null, new RoomAccess(RequireInvite: true), context.RequestAborted);
        await exams.AssignRoomAsync(room.Id, testId);
        return Results.Created(RoomPaths.Room(room.Id), new ExamRoomResponse(testId, room.Id, Absolute(context, RoomPaths.Room(room.Id))));
    }

    private static IResult MintObserverPass(string testId, ObserverPassRequest? request, ExamPasses passes, TimeProvider time, HttpContext context)
    {
        if (!TestIds.IsValid(testId)) return BadTestId();
        var name = (request?.Name ?? "").Trim();
        if (!RoomValidation.TryDisplayName(name, out var clean, out var error)) return Results.Problem(error, statusCode: 400);
        var hours = request?.LifetimeHours ?? 12;
        if (hours <= 0 || hours > MaxPassHours) return Results.Problem($"A pass is valid for more than 0 and at most {MaxPassHours} hours.", statusCode: 400);
        if (request?.UserId is { Length: > 128 }) return Results.Problem("The user id is limited to 128 characters.", statusCode: 400);
        var lifetime = TimeSpan.FromHours(hours);
        var pass = passes.Mint(testId, clean, request?.UserId, lifetime);
        var path = ExamPaths.Dashboard(testId, pass);
        return Results.Ok(new ObserverPassResponse(testId, pass, Absolute(context, path), time.GetUtcNow().Add(lifetime)));
    }

    private static async Task<IResult> ListStreamsAsync(string testId, IExamRegistry exams) =>
        TestIds.IsValid(testId) ? Results.Ok((await exams.GetAsync(testId)).Snapshot.Streams) : BadTestId();

    private static async Task<IResult> ListCandidatesAsync(string testId, IExamRegistry exams) =>
        TestIds.IsValid(testId) ? Results.Ok((await exams.GetAsync(testId)).Snapshot.Candidates) : BadTestId();


    private static IResult BadTestId() => Results.Problem("A test id is 1–64 letters, digits, '.', '_' or '-'.", statusCode: 400);

    private static string Absolute(HttpContext context, string path) => $"{context.Request.Scheme}://{context.Request.Host}{path}";
}

public static class ExamPaths
{
    public static string Dashboard(string testId, string pass) => $"/exam/{Uri.EscapeDataString(testId)}?pass={Uri.EscapeDataString(pass)}";
}
