// "Requested stream visible": from an observer's click on request-camera (or request-screen) on the exam dashboard
// to the observed-video showing frames (videoWidth > 0 and currentTime advancing), over --runs requests, each
// followed by a stop. Baseline in the same run: the first remote frame of a normal two-person call (twoInCall,
// from the second person's click on Join). Debian chromium, fake devices, loopback, no ICE servers.
// Run: npm run build && dotnet build Interview.sln -c Release && node benchmarks/invigilation/bench.mjs [--runs 10] [--baseline 3]
import { loadavg } from 'node:os';
import { AppServer } from '../../tests/e2e/support/server.mjs';
import { launchBrowser } from '../../tests/e2e/support/browser.mjs';
import { joinRoom } from '../../tests/e2e/support/room.mjs';
import { twoInCall, newCallPage, probe } from '../../tests/e2e/support/media.mjs';
import { waitFor } from '../../tests/e2e/support/wait.mjs';
import { percentile, arg } from '../editor/stats.mjs';
import {
  examServerEnv, createExamRoom, candidateLink, observerLink, openDashboard, card, observedVideo, requestAndTime, waitCandidateReady, candidateStreams,
} from '../../tests/e2e/support/exam.mjs';

const RUNS = arg('runs', 10);
const BASELINE_RUNS = arg('baseline', 3);
const median = (xs) => percentile(xs, 50);

const server = await AppServer.start({ env: { ...examServerEnv, INTERVIEW_Rooms__HubCallsPer10Seconds: '10000' } });
const browser = await launchBrowser();
const loadBefore = loadavg()[0];
try {
  const baseline = [];
  for (let run = 0; run < BASELINE_RUNS; run++) {
    const call = await twoInCall(browser, server);
    baseline.push(call.firstFrameMs);
    await call.close();
  }

  const room = await createExamRoom(server, 'bench');
  const candidate = await newCallPage(browser);
  const observer = await (await browser.newContext()).newPage();
  await joinRoom(candidate, await candidateLink(server, room, 'bench', 'Ada'), 'Ada');
  await waitCandidateReady(candidate);
  await openDashboard(observer, await observerLink(server, 'bench', 'Olga'));
  const results = { camera: [], screen: [] };
  const attempts = []; // the live stream's attempt number (1 = no retry was needed)
  for (let run = 0; run < RUNS; run++) {
    const kind = run % 2 === 0 ? 'camera' : 'screen';
    const connections = (await probe(candidate)).livePeerConnections;
    results[kind].push(await requestAndTime(observer, 'Ada', kind));
    attempts.push((await candidateStreams(candidate))[0]?.link ?? 0);
    await card(observer, 'Ada').getByTestId('stop-stream').click();
    await observedVideo(observer, kind).waitFor({ state: 'detached', timeout: 15_000 });
    await waitFor(async () => (await candidateStreams(candidate)).length === 0 && (await probe(candidate)).livePeerConnections === connections,
      { timeout: 15_000, message: 'the candidate closed the stream' });
  }
  await Promise.all([candidate.context().close(), observer.context().close()]);

  const all = [...results.camera, ...results.screen];
  const report = {
    baselineFirstFrameMs: { median: median(baseline), runs: baseline },
    requestedCameraMs: { median: median(results.camera), p95: percentile(results.camera, 95), runs: results.camera },
    requestedScreenMs: { median: median(results.screen), p95: percentile(results.screen, 95), runs: results.screen },
    requestedAllMs: { median: median(all), p95: percentile(all, 95) },
    attemptsPerRequest: attempts,
    ratioMedianToBaseline: Math.round((median(all) / median(baseline)) * 100) / 100,
    loadAverage1m: { before: loadBefore, after: loadavg()[0] },
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  await server.dispose();
}
