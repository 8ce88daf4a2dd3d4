// Debian's chromium driven by playwright-core (Playwright cannot download its own browsers here).
//
// Every page of every browser launched here watches for Content-Security-Policy violations (the
// securitypolicyviolation event and chromium's console report): the app must work under its own policy, so each
// test fails in its afterEach hook when anything was blocked during it.
import { afterEach } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const cspViolations = [];

/** Returns the violations recorded since the last call and forgets them (for a test that provokes one on purpose). */
export function takeCspViolations() {
  return cspViolations.splice(0);
}

afterEach(() => {
  const seen = takeCspViolations();
  if (seen.length > 0) throw new Error(`Content-Security-Policy violations:\n  ${seen.join('\n  ')}`);
});

function reportInPage() {
  window.addEventListener('securitypolicyviolation', (e) => {
    window.__interviewCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
  });
}

async function watchCsp(context) {
  await context.exposeBinding('__interviewCspViolation', ({ page }, text) => { cspViolations.push(`${page.url()} ${text}`); });
  await context.addInitScript(reportInPage);
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(`console: ${message.text()}`);
  });
}

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
  const browser = await chromium.launch({ executablePath: chromiumPath(), args, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    await watchCsp(context);
    return context;
  };
  return browser;
}
