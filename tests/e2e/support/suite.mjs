// One app server and one browser shared by the tests of a file: started before the first test, closed after the
// last one.
import { before, after } from 'node:test';
import { AppServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';

/**
 * Registers the file's before and after hooks. The returned object's `server` and `browser` are set once `before`
 * has run, so tests read them from it.
 */
export function serverAndBrowser(serverOptions) {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await AppServer.start(serverOptions);
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.dispose();
  });
  return suite;
}
