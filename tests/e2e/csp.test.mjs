// The Content-Security-Policy in the browser: it blocks what it should, and the suite's detector (support/browser.mjs)
// notices, so that every other browser test failing on a violation means something.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './support/wait.mjs';
import { takeCspViolations } from './support/browser.mjs';
import { serverAndBrowser } from './support/suite.mjs';

const suite = serverAndBrowser();

test('an inline script injected into the page does not run, and the violation is reported', async () => {
  const page = await (await suite.browser.newContext()).newPage();
  try {
    await page.goto(suite.server.url);
    await page.getByTestId('create-room').waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injectedRan = true';
      document.body.append(script);
    });
    // Both channels report it: the page's securitypolicyviolation event and chromium's console message.
    const seen = [];
    await waitFor(() => {
      seen.push(...takeCspViolations());
      return seen.some((v) => v.startsWith('console:') && v.includes('script-src'))
        && seen.some((v) => v.includes('script-src-elem blocked inline'));
    }, { message: 'the script-src violation to be reported' }).catch((error) => { throw new Error(`${error.message}; seen: ${seen.join(' | ')}`); });
    assert.equal(await page.evaluate(() => window.__injectedRan), undefined);
  } finally {
    await page.context().close();
  }
});
