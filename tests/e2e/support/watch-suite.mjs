// One watch-together test file's world: the fixtures (clip, fake oEmbed, fake IFrame API), the web host pointed at
// them and a browser without fake camera (the call starts with no tracks, which keeps two parties cheap).
import { AppServer } from './server.mjs';
import { launchBrowser } from './browser.mjs';
import { twoInRoom } from './room.mjs';
import { WatchFixtures, watchEnv } from './watch-fixtures.mjs';
import { waitWatchReady } from './watch.mjs';

export function useWatchRoom({ before, after }) {
  let fixtures;
  let server;
  let browser;
  before(async () => {
    fixtures = await WatchFixtures.start();
    fixtures.oembed.set('dQw4w9WgXcQ', { title: 'Fixture video', author_name: 'Fixture channel', thumbnail_url: `${fixtures.url}/thumb.jpg` });
    server = await AppServer.start({ env: watchEnv(fixtures) });
    browser = await launchBrowser({ media: 'none' });
  });
  after(async () => {
    await browser?.close();
    await server?.dispose();
    await fixtures?.dispose();
  });
  return {
    fixtures: () => fixtures,
    server: () => server,
    browser: () => browser,
    twoPeople: () => twoInRoom(browser, server.url, { names: ['Ada', 'Grace'] }),
    bothReady: (a, b) => Promise.all([waitWatchReady(a), waitWatchReady(b)]),
  };
}
