namespace Interview.Web.Features.Proctoring;

/// <summary>Focus events: validated, rate-limited, stored, then shown on the candidate's timeline.</summary>
internal sealed partial class ExamActor
{
    public const int MaxDetailLength = 200;

    public Task<(FocusEvent? Event, string? Error)> RecordFocusAsync(string roomId, RoomMember member, FocusReport report) => Enqueue(async () =>
    {
        if (report is null || !Enum.IsDefined(report.Kind)) return (null, "Unknown focus event.");
        if (report.Detail is { Length: > MaxDetailLength }) return (null, $"A focus event's detail is limited to {MaxDetailLength} characters.");
        if (report.Detail is not null && report.Detail.Any(char.IsControl)) return (null, "A focus event's detail cannot contain control characters.");
        await FollowRoomAsync(roomId);
        var key = CardOf(roomId, member);
        if (!_candidates.TryGetValue(key, out var candidate))
        {
            _candidates[key] = candidate = new CandidateEntry(key, roomId, member.DisplayName) { ParticipantId = member.ParticipantId, State = CandidateState.Connected };
            await _store.RememberCandidateAsync(new ExamCandidateRecord(roomId, key, member.DisplayName, _time.GetUtcNow()));
        }
        var now = _time.GetUtcNow();
        if (!candidate.TakeSlot(now, _options.FocusEventsPerMinute))
            return ((FocusEvent?)null, (string?)$"Too many focus events: at most {_options.FocusEventsPerMinute} a minute.");
        if (candidate.EventCount >= _options.MaxFocusEventsPerCandidate)
            return (null, $"This candidate already has {_options.MaxFocusEventsPerCandidate} focus events stored.");
        var stored = await _store.AppendFocusEventAsync(new FocusDraft(roomId, key, member.DisplayName, report.Kind, report.Detail, now));
        candidate.Add(stored, _options.TimelineLength);
        _changed = true;
        return (stored, null);
    });
}
