// Invigilation messages of the room hub (RoomHub.Proctoring.cs, ProctoringMessages.cs) to and from the wire:
// MessagePack maps keyed by PascalCase property names, enums by name.

/** Hub method names, server→client (IProctoringClient) and client→server (RoomHub.Proctoring). */
export const ExamHub = Object.freeze({
  ObserversChanged: 'ObserversChanged', ExamSignal: 'ExamSignal', WatchingChanged: 'WatchingChanged',
  WatchExam: 'WatchExam', RequestStream: 'RequestStream', StopStream: 'StopStream', ListActiveStreams: 'ListActiveStreams',
  ExamCandidateReady: 'ExamCandidateReady', ReportFocus: 'ReportFocus', SendSignal: 'ExamSignal',
});

/** StreamKind: 'camera' | 'screen' in the page, 'Camera' | 'Screen' on the wire. */
export const kindToWire = (kind) => (kind === 'screen' ? 'Screen' : 'Camera');
export const kindFromWire = (kind) => (kind === 'Screen' ? 'screen' : 'camera');

/** FocusKind names on the wire, by the page's data-kind. */
export const FocusWire = Object.freeze({
  hidden: 'Hidden', blur: 'Blur', 'fullscreen-exit': 'FullscreenExit', paste: 'Paste', reload: 'Reload',
});

export function iceServersFromWire(servers) {
  return (servers ?? []).map((s) => ({ urls: s.Urls, ...(s.Username ? { username: s.Username, credential: s.Credential } : {}) }));
}

export function watcherFromWire(w) {
  return { watcherId: w.WatcherId, name: w.Name, kind: kindFromWire(w.Kind) };
}

export function signalFromWire(s) {
  return {
    from: s.From, kind: kindFromWire(s.Kind), link: s.Link, bye: !!s.Bye,
    description: s.Description ? { type: s.Description.Type, sdp: s.Description.Sdp } : null,
    candidate: s.Candidate ? {
      candidate: s.Candidate.Candidate, sdpMid: s.Candidate.SdpMid ?? null,
      sdpMLineIndex: s.Candidate.SdpMLineIndex ?? null, usernameFragment: s.Candidate.UsernameFragment ?? null,
    } : null,
  };
}

/** Sends one signal of a one-way stream; resolves to 'Relayed' or 'UnknownPeer'. */
export function sendSignal(connection, to, kind, link, { description = null, candidate = null, bye = false }) {
  return connection.invoke(ExamHub.SendSignal, {
    To: to, Kind: kindToWire(kind), Link: link,
    Description: description ? { Type: description.type, Sdp: description.sdp ?? '' } : null,
    Candidate: candidate ? {
      Candidate: candidate.candidate, SdpMid: candidate.sdpMid ?? null,
      SdpMLineIndex: candidate.sdpMLineIndex ?? null, UsernameFragment: candidate.usernameFragment ?? null,
    } : null,
    Bye: bye,
  });
}

export function activeStreamFromWire(s) {
  return { candidateId: s.CandidateId, candidateName: s.CandidateName, watcherId: s.WatcherId, kind: kindFromWire(s.Kind) };
}
