// Debian's chromium driven by playwright-core (Playwright cannot download its own browsers here).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection',
];

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('chromium not found: run ./test.sh, which installs it (apt-get install chromium)');
  return found;
}

/** `fakeMedia: false` leaves out the fake camera and microphone (the call then starts with no tracks: cheaper). */
export async function launchBrowser({ fakeMedia = true } = {}) {
  const args = fakeMedia ? CHROMIUM_FLAGS : CHROMIUM_FLAGS.filter((flag) => flag !== '--use-fake-device-for-media-stream');
  return chromium.launch({ executablePath: chromiumPath(), args, headless: true });
}
