namespace Interview.Web.Features.Recordings;

/// <summary>The refusals of a room's recording quota, the same words from the endpoint and from the room actor.</summary>
public static class RecordingQuotas
{
    public static string CountReached(RecordingQuota quota) =>
        $"This room already keeps {quota.MaxCount} recordings, its most; the ones it has are kept.";

    public static string BytesReached(RecordingQuota quota) =>
        $"This recording does not fit in the room's {RecordingsEndpoints.Size(quota.MaxBytes)} for recordings; the ones it has are kept.";
}
