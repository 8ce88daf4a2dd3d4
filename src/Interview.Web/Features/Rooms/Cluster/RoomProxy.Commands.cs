using Interview.Web.Features.Editor;
using Interview.Web.Features.Media;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Watch;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>
/// The room's commands that need nothing of this node: straight to the grain. A change someone asks for
/// (<see cref="Change"/>) is refused with the node's <see cref="Shared.Cluster.IWriteGate"/> reason while the node
/// cannot carry it to the people on other nodes, whichever way it came (Blazor, the hub, an HTTP endpoint).
/// </summary>
internal sealed partial class RoomProxy
{
    private Task<string?> Change(Func<IRoomGrain, Task<string?>> call) =>
        _node.Gate.Refusal is { } refusal ? Task.FromResult<string?>(refusal) : Call(call);

    public Task<string?> FindParticipantAsync(string sessionKey) => Call(grain => grain.FindParticipantAsync(sessionKey));

    public Task<ChatPostResult> PostChatAsync(string participantId, string? text) => _node.Gate.Refusal is { } refusal
        ? Task.FromResult(new ChatPostResult(null, refusal))
        : Call(grain => grain.PostChatAsync(participantId, text));

    public Task<bool> EndAsync(string participantId) => Call(grain => grain.EndAsync(participantId));

    public Task<bool> IsEmptyAsync() => Call(grain => grain.IsEmptyAsync());

    public Task<IReadOnlyList<MediaPeer>?> JoinMediaAsync(string participantId, string connectionId, MediaState state, bool resume = false) => Call(grain => grain.JoinMediaAsync(participantId, connectionId, state, resume));

    public Task LeaveMediaAsync(string participantId, string connectionId) => Call(grain => grain.LeaveMediaAsync(participantId, connectionId));

    public Task<bool> SetMediaStateAsync(string participantId, MediaState state) => Call(grain => grain.SetMediaStateAsync(participantId, state));

    public Task<string?> SignalTargetAsync(string from, string fromConnectionId, string to) => Call(grain => grain.SignalTargetAsync(from, fromConnectionId, to));

    public Task<string?> SetLanguageAsync(string participantId, string language) => Change(grain => grain.SetLanguageAsync(participantId, language));

    public Task<string?> StartRunAsync(string participantId, string? stdin) => Change(grain => grain.StartRunAsync(participantId, stdin));

    public Task CancelRunAsync(string participantId) => Call(grain => grain.CancelRunAsync(participantId));

    public Task<EditorStats> GetEditorStatsAsync() => Call(grain => grain.GetEditorStatsAsync());

    public Task<(string Text, string Language)> ReadEditorAsync() => Call(grain => grain.ReadEditorAsync());

    public Task<Uploader?> FindUploaderAsync(string sessionKey) => Call(grain => grain.FindUploaderAsync(sessionKey));

    public Task<bool> IsParticipantAsync(string participantId) => Call(grain => grain.IsParticipantAsync(participantId));

    public Task<string?> AddRecordingAsync(RoomRecording recording, RecordingQuota quota) => Change(grain => grain.AddRecordingAsync(recording, quota));

    public Task<string?> CanControlWatchAsync(string participantId) => Call(grain => grain.CanControlWatchAsync(participantId));

    public Task<string?> WatchLoadAsync(string participantId, VideoItem video) => Change(grain => grain.WatchLoadAsync(participantId, video));

    public Task<string?> WatchEnqueueAsync(string participantId, VideoItem video) => Change(grain => grain.WatchEnqueueAsync(participantId, video));

    public Task<string?> WatchRemoveAsync(string participantId, string videoId) => Change(grain => grain.WatchRemoveAsync(participantId, videoId));

    public Task<string?> WatchNextAsync(string participantId) => Change(grain => grain.WatchNextAsync(participantId));

    public Task<string?> WatchPlayAsync(string participantId, double? position) => Change(grain => grain.WatchPlayAsync(participantId, position));

    public Task<string?> WatchPauseAsync(string participantId, double? position) => Change(grain => grain.WatchPauseAsync(participantId, position));

    public Task<string?> WatchSeekAsync(string participantId, double position) => Change(grain => grain.WatchSeekAsync(participantId, position));

    public Task<string?> WatchRateAsync(string participantId, double rate) => Change(grain => grain.WatchRateAsync(participantId, rate));

    public Task<string?> WatchSetControlAsync(string participantId, WatchControl control) => Change(grain => grain.WatchSetControlAsync(participantId, control));

    public Task WatchEndedAsync(string participantId, string videoId) => Call(grain => grain.WatchEndedAsync(participantId, videoId));

    public Task WatchBufferingAsync(string participantId, bool buffering) => Call(grain => grain.WatchBufferingAsync(participantId, buffering));

    public Task WatchDurationAsync(string participantId, string videoId, double seconds) => Call(grain => grain.WatchDurationAsync(participantId, videoId, seconds));

    public Task<ParticipantRole?> RoleOfAsync(string participantId) => Call(grain => grain.RoleOfAsync(participantId));

    public Task<string?> AdmitAsync(string byParticipantId, string participantId) => Change(grain => grain.AdmitAsync(byParticipantId, participantId));

    public Task<string?> DenyAsync(string byParticipantId, string participantId) => Change(grain => grain.DenyAsync(byParticipantId, participantId));

    public Task<string?> ChangeSettingsAsync(string byParticipantId, RoomSettingsRequest request) => Change(grain => grain.ChangeSettingsAsync(byParticipantId, request));

    public Task<string?> MuteAsync(string byParticipantId, string participantId) => Change(grain => grain.MuteAsync(byParticipantId, participantId));

    public Task<string?> RemoveParticipantAsync(string byParticipantId, string participantId) => Change(grain => grain.RemoveParticipantAsync(byParticipantId, participantId));

    public Task<IReadOnlyList<SessionParticipant>> DescribeParticipantsAsync() => Call(grain => grain.DescribeParticipantsAsync());

    public Task<RoomMember?> MemberAsync(string participantId) => Call(grain => grain.MemberAsync(participantId));

    public Task<RoomMember?> CurrentMemberAsync(string participantId, string connectionId) => Call(grain => grain.CurrentMemberAsync(participantId, connectionId));
}
