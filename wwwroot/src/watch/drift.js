// Where the room's video should be, and how a player that is off gets back: small drift by nudging the playback
// rate (the video speeds up or slows down by 5–10 %, which nobody notices), large drift by seeking.

/** Above this (seconds) a player seeks instead of nudging. */
export const SEEK_THRESHOLD = 1.0;
/** Nudging starts above this drift (seconds)… */
export const NUDGE_START = 0.05;
/** …and stops once the drift is below this (hysteresis, so the rate does not flap around the target). */
export const NUDGE_STOP = 0.015;
export const MIN_NUDGE = 0.05;
export const MAX_NUDGE = 0.10;

/** The expected position (seconds) of `playback` (the server's PlaybackState) at server time `serverNowMs`. */
export function expectedPosition(playback, serverNowMs) {
  if (!playback?.Video) return 0;
  let position = playback.Position;
  if (playback.Playing) position += Math.max(0, serverNowMs - playback.UpdatedAt) / 1000 * playback.Rate;
  const duration = playback.Video.DurationSeconds;
  return duration ? Math.min(position, duration) : position;
}

/**
 * What to do about `drift` = actual − expected (seconds) while playing at `baseRate`; `nudging` says whether the
 * player is being nudged already. Returns { action: 'none' | 'nudge' | 'seek', rate }.
 * `seekThreshold` is lower for players that cannot take fine rates (YouTube rounds to quarter steps).
 */
export function correction(drift, baseRate, { nudging = false, seekThreshold = SEEK_THRESHOLD, fineRate = true } = {}) {
  const size = Math.abs(drift);
  if (size > (fineRate ? seekThreshold : Math.min(seekThreshold, 0.35))) return { action: 'seek', rate: baseRate };
  if (!fineRate || size < (nudging ? NUDGE_STOP : NUDGE_START)) return { action: 'none', rate: baseRate };
  const nudge = Math.min(MAX_NUDGE, MIN_NUDGE + (size - NUDGE_START) * (MAX_NUDGE - MIN_NUDGE) / (SEEK_THRESHOLD - NUDGE_START));
  // Ahead (drift > 0): slow down; behind: speed up.
  return { action: 'nudge', rate: baseRate * (1 - Math.sign(drift) * Math.max(MIN_NUDGE, nudge)) };
}
