namespace Interview.Web.Features.Rooms;

/// <summary>
/// Marks a hub method that enforces its own, feature-specific rate limit (e.g. editor frames, which come with every
/// keystroke), so the shared per-connection call limit of <see cref="HubCallRateLimitFilter"/> does not apply to it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OwnRateLimitAttribute : Attribute;
