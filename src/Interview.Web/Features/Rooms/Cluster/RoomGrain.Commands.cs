using Interview.Web.Features.Editor;
using Interview.Web.Features.Media;
using Interview.Web.Features.Proctoring;
using Interview.Web.Features.Recordings;
using Interview.Web.Features.Watch;

namespace Interview.Web.Features.Rooms.Cluster;

/// <summary>The room's commands, each run by the actor (<see cref="Command{T}"/>).</summary>
internal sealed partial class RoomGrain
{
    /// <summary>A list as an array: the actor's lists may be compiler-made types that only exist on this side.</summary>
    private static IReadOnlyList<T> Listed<T>(IReadOnlyList<T> list) => list as T[] ?? [.. list];

    public Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, JoinCredentials credentials, EditorTransport transport = EditorTransport.Hub) => Command(room => room.JoinAsync(request, connectionId, credentials, transport));

    public Task<string?> FindParticipantAsync(string sessionKey) => Command(room => room.FindParticipantAsync(sessionKey));

    public Task LeaveAsync(string connectionId) => Command(room => room.LeaveAsync(connectionId));

    public Task ConnectionLostAsync(string connectionId, ConnectionLoss loss) => Command(room => room.ConnectionLostAsync(connectionId, loss));

    public Task<ChatPostResult> PostChatAsync(string participantId, string? text) => Command(room => room.PostChatAsync(participantId, text));

    public Task<bool> EndAsync(string participantId) => Command(room => room.EndAsync(participantId));

    public Task<bool> IsEmptyAsync() => Command(room => room.IsEmptyAsync());

    public Task<IReadOnlyList<MediaPeer>?> JoinMediaAsync(string participantId, string connectionId, MediaState state, bool resume = false) => Command(async room => await room.Call.JoinMediaAsync(participantId, connectionId, state, resume) is { } peers ? Listed(peers) : null);

    public Task LeaveMediaAsync(string participantId, string connectionId) => Command(room => room.Call.LeaveMediaAsync(participantId, connectionId));

    public Task<bool> SetMediaStateAsync(string participantId, MediaState state) => Command(room => room.Call.SetMediaStateAsync(participantId, state));

    public Task<string?> SignalTargetAsync(string from, string fromConnectionId, string to) => Command(room => room.Call.SignalTargetAsync(from, fromConnectionId, to));

    public Task<EditorReply> EditorOpenAsync(EditorPeer peer) => Command(room => room.Document.EditorOpenAsync(Routed(peer)));

    public Task<EditorReply> EditorReceiveAsync(EditorPeer peer, ReadOnlyMemory<byte> frame) => Command(room => room.Document.EditorReceiveAsync(Routed(peer), frame));

    public Task EditorPeerGoneAsync(string connectionId) => Command(room => room.Document.EditorPeerGoneAsync(connectionId));

    public Task<string?> SetLanguageAsync(string participantId, string language) => Command(room => room.Document.SetLanguageAsync(participantId, language));

    public Task<string?> StartRunAsync(string participantId, string? stdin) => Command(room => room.Runs.StartRunAsync(participantId, stdin));

    public Task CancelRunAsync(string participantId) => Command(room => room.Runs.CancelRunAsync(participantId));

    public Task<EditorStats> GetEditorStatsAsync() => Command(room => room.Document.GetEditorStatsAsync());

    public Task<(string Text, string Language)> ReadEditorAsync() => Command(room => room.Document.ReadEditorAsync());

    public Task<Uploader?> FindUploaderAsync(string sessionKey) => Command(room => room.Uploads.FindUploaderAsync(sessionKey));

    public Task<bool> IsParticipantAsync(string participantId) => Command(room => room.Uploads.IsParticipantAsync(participantId));

    public Task<string?> AddRecordingAsync(RoomRecording recording, RecordingQuota quota) => Command(room => room.Uploads.AddRecordingAsync(recording, quota));

    public Task<string?> CanControlWatchAsync(string participantId) => Command(room => room.Watch.CanControlWatchAsync(participantId));

    public Task<string?> WatchLoadAsync(string participantId, VideoItem video) => Command(room => room.Watch.WatchLoadAsync(participantId, video));

    public Task<string?> WatchEnqueueAsync(string participantId, VideoItem video) => Command(room => room.Watch.WatchEnqueueAsync(participantId, video));

    public Task<string?> WatchRemoveAsync(string participantId, string videoId) => Command(room => room.Watch.WatchRemoveAsync(participantId, videoId));

    public Task<string?> WatchNextAsync(string participantId) => Command(room => room.Watch.WatchNextAsync(participantId));

    public Task<string?> WatchPlayAsync(string participantId, double? position) => Command(room => room.Watch.WatchPlayAsync(participantId, position));

    public Task<string?> WatchPauseAsync(string participantId, double? position) => Command(room => room.Watch.WatchPauseAsync(participantId, position));

    public Task<string?> WatchSeekAsync(string participantId, double position) => Command(room => room.Watch.WatchSeekAsync(participantId, position));

    public Task<string?> WatchRateAsync(string participantId, double rate) => Command(room => room.Watch.WatchRateAsync(participantId, rate));

    public Task<string?> WatchSetControlAsync(string participantId, WatchControl control) => Command(room => room.Watch.WatchSetControlAsync(participantId, control));

    public Task WatchEndedAsync(string participantId, string videoId) => Command(room => room.Watch.WatchEndedAsync(participantId, videoId));

    public Task WatchBufferingAsync(string participantId, bool buffering) => Command(room => room.Watch.WatchBufferingAsync(participantId, buffering));

    public Task WatchDurationAsync(string participantId, string videoId, double seconds) => Command(room => room.Watch.WatchDurationAsync(participantId, videoId, seconds));

    public Task<ParticipantRole?> RoleOfAsync(string participantId) => Command(room => room.RoleOfAsync(participantId));

    public Task<string?> AdmitAsync(string byParticipantId, string participantId) => Command(room => room.AdmitAsync(byParticipantId, participantId));

    public Task<string?> DenyAsync(string byParticipantId, string participantId) => Command(room => room.DenyAsync(byParticipantId, participantId));

    public Task<string?> ChangeSettingsAsync(string byParticipantId, RoomSettingsRequest request) => Command(room => room.ChangeSettingsAsync(byParticipantId, request));

    public Task<string?> MuteAsync(string byParticipantId, string participantId) => Command(room => room.MuteAsync(byParticipantId, participantId));

    public Task<string?> RemoveParticipantAsync(string byParticipantId, string participantId) => Command(room => room.RemoveParticipantAsync(byParticipantId, participantId));

    public Task<IReadOnlyList<SessionParticipant>> DescribeParticipantsAsync() => Command(async room => Listed(await room.DescribeParticipantsAsync()));

    public Task<RoomMember?> MemberAsync(string participantId) => Command(room => room.Invigilation.MemberAsync(participantId));

    public Task<RoomMember?> CurrentMemberAsync(string participantId, string connectionId) => Command(room => room.Invigilation.CurrentMemberAsync(participantId, connectionId));
}
