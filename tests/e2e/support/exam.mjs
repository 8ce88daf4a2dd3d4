// Helpers for the invigilation tests, against the exam API (docs/protocol.md) and the dashboard's data-testids.
import { createHmac } from 'node:crypto';
import { waitFor } from './wait.mjs';
import { cssString } from './room.mjs';

const JWT = { issuer: 'e2e-system', audience: 'interview', key: 'e2e-integration-signing-key-0123456789abcdef' };

/** Start the server with this env so that it accepts the tests' integration tokens (Integration:Jwt:*). */
export const examServerEnv = {
  INTERVIEW_Integration__Jwt__Issuer: JWT.issuer,
  INTERVIEW_Integration__Jwt__Audience: JWT.audience,
  INTERVIEW_Integration__Jwt__SigningKey: JWT.key,
};

/** An HS256 JWT as the outside system would send it (role interviewer, ten minutes). */
export function integrationToken() {
  const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    iss: JWT.issuer, aud: JWT.audience, userId: 'e2e-admin', role: 'interviewer', iat: now, nbf: now - 60, exp: now + 600,
  })}`;
  return `${body}.${createHmac('sha256', JWT.key).update(body).digest('base64url')}`;
}

async function post(server, path, body) {
  const response = await fetch(server.url + path, {
    method: 'POST', body: JSON.stringify(body ?? {}),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${integrationToken()}` },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A room of the test (invite-only; nobody holds its owner cookie): its id and URL. */
export async function createExamRoom(server, testId) {
  const room = await post(server, `/api/v1/exams/${testId}/rooms`);
  return { id: room.roomId, url: room.url };
}

/** A named candidate invite link for `name` (user id derived from it) to a room of the test. */
export async function candidateLink(server, room, testId, name) {
  const userId = `u-${name.toLowerCase()}`;
  return (await post(server, `/api/v1/rooms/${room.id}/invites`, { userId, displayName: name, role: 'candidate', testId })).url;
}

/** The dashboard link of an observer of the test. */
export async function observerLink(server, testId, name) {
  return (await post(server, `/api/v1/exams/${testId}/observers`, { name })).url;
}

export async function openDashboard(page, url) {
  // Generous: the machine running the tests may be very loaded.
  await page.goto(url, { timeout: 90_000 });
  await page.locator('[data-testid="exam-dashboard"][data-ready="true"]').waitFor({ timeout: 60_000 });
}

export function card(page, name) {
  return page.locator(`[data-testid="candidate-card"][data-name="${cssString(name)}"]`);
}

export function observedVideo(page, kind, peer) {
  return page.locator(`[data-testid="observed-video"][data-kind="${kind}"]${peer ? `[data-peer="${peer}"]` : ''}`);
}

/** Resolves once the observed video shows frames: videoWidth > 0 and currentTime moving on. */
export async function waitObservedFrames(page, kind, { timeout = 20_000 } = {}) {
  const video = observedVideo(page, kind);
  await video.waitFor({ state: 'attached', timeout });
  const first = await waitFor(() => video.evaluate((v) => (v.videoWidth > 0 && v.currentTime > 0 ? v.currentTime : 0)),
    { timeout, interval: 20, message: `${kind} frames` });
  await waitFor(() => video.evaluate((v, t) => v.currentTime > t, first), { timeout, message: `${kind} currentTime advancing` });
  return video;
}

/** Clicks "request <kind>" on the candidate's card; resolves with the ms from the click to the first frame. */
export async function requestAndTime(page, name, kind) {
  const button = card(page, name).getByTestId(`request-${kind}`);
  await waitFor(() => button.isEnabled(), { timeout: 20_000, message: `request-${kind} enabled` });
  const started = Date.now();
  await button.click();
  await waitObservedFrames(page, kind);
  return Date.now() - started;
}

/** The candidate page's outgoing streams (exam-candidate.js debugState). */
export function candidateStreams(page) {
  return page.evaluate(async () => (await import('/client/dist/exam-candidate.js')).debugState());
}

export async function waitCandidateReady(page) {
  await page.locator('[data-testid="exam-candidate"][data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
  return page.locator('[data-testid="exam-candidate"]').getAttribute('data-participant');
}

export async function timelineKinds(page, name) {
  return card(page, name).locator('[data-testid="focus-event"]').evaluateAll((items) => items.map((i) => i.dataset.kind));
}
