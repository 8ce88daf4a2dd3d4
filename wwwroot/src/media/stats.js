// A readable summary of one RTCPeerConnection's getStats(): bitrates computed from the previous sample.

export class StatsSampler {
  #previous = new Map();

  /** { inKbps, outKbps, rttMs, lost, resolution, codec } for `pc`, rates since the last call. */
  async sample(pc) {
    const report = await pc.getStats();
    const now = performance.now();
    let inBytes = 0, outBytes = 0, rttMs = null, lost = 0, resolution = null, codecId = null;
    report.forEach((s) => {
      if (s.type === 'inbound-rtp') {
        inBytes += s.bytesReceived ?? 0;
        lost += s.packetsLost ?? 0;
        if (s.kind === 'video') {
          if (s.frameWidth) resolution = `${s.frameWidth}×${s.frameHeight}`;
          codecId = s.codecId ?? codecId;
        }
      } else if (s.type === 'outbound-rtp') {
        outBytes += s.bytesSent ?? 0;
      } else if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && s.currentRoundTripTime != null) {
        rttMs = Math.round(s.currentRoundTripTime * 1000);
      }
    });
    const codec = codecId ? report.get(codecId)?.mimeType?.replace(/^video\//, '') ?? null : null;
    const prev = this.#previous.get(pc) ?? { at: now, inBytes, outBytes };
    const seconds = Math.max((now - prev.at) / 1000, 0.001);
    this.#previous.set(pc, { at: now, inBytes, outBytes });
    return {
      inKbps: Math.round(((inBytes - prev.inBytes) * 8) / 1000 / seconds),
      outKbps: Math.round(((outBytes - prev.outBytes) * 8) / 1000 / seconds),
      rttMs, lost, resolution, codec,
    };
  }

  forget(pc) { this.#previous.delete(pc); }
}
