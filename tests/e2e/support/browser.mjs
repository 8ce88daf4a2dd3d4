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

/**
 * @param options.media 'granted' (default: chromium's fake camera and mic, no prompt), 'denied' (the same fake
 *   devices, but every camera/microphone prompt is refused, as a user clicking "Block" would) or 'none' (no fake
 *   devices: the call starts with no tracks, which is cheaper)
 */
export async function launchBrowser({ media = 'granted' } = {}) {
  const args = {
    granted: CHROMIUM_FLAGS,
    denied: [...CHROMIUM_FLAGS.filter((f) => f !== '--use-fake-ui-for-media-stream'), '--deny-permission-prompts'],
    none: CHROMIUM_FLAGS.filter((f) => f !== '--use-fake-device-for-media-stream'),
  }[media];
  if (!args) throw new Error(`launchBrowser: unknown media option ${media}`);
  return chromium.launch({ executablePath: chromiumPath(), args, headless: true });
}
