using Microsoft.AspNetCore.SignalR;

namespace Interview.Web.Features.Media;

/// <summary>Shape and size checks of a signaling message, before the room is asked anything.</summary>
public static class SignalValidation
{
    private static readonly HashSet<string> DescriptionTypes = ["offer", "answer", "pranswer", "rollback"];

    /// <summary>Longest ICE candidate line accepted (real ones are ~100–200 characters).</summary>
    public const int MaxCandidateChars = 1024;

    public static void Check(SignalRequest? request, MediaOptions options)
    {
        if (request is null || string.IsNullOrEmpty(request.To) || request.To.Length > 64)
            throw new HubException("A signal needs the participant id it is for.");
        var parts = (request.Description is null ? 0 : 1) + (request.Candidate is null ? 0 : 1) + (request.Bye ? 1 : 0);
        if (parts != 1) throw new HubException("A signal carries exactly one of a description, a candidate or bye.");
        if (request.Description is { } description)
        {
            if (!DescriptionTypes.Contains(description.Type ?? "")) throw new HubException("Unknown session description type.");
            if ((description.Sdp?.Length ?? 0) > options.MaxSdpChars)
                throw new HubException($"Session description longer than {options.MaxSdpChars} characters.");
        }
        if (request.Candidate is { } candidate &&
            ((candidate.Candidate?.Length ?? 0) > MaxCandidateChars || (candidate.SdpMid?.Length ?? 0) > 64 || (candidate.UsernameFragment?.Length ?? 0) > 256))
            throw new HubException($"ICE candidate longer than {MaxCandidateChars} characters.");
    }
}
