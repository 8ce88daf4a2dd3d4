// Watch together with YouTube links, through a local fake of the IFrame Player API and of oEmbed (no network).
import { test, before, after } from 'node:test';
import { loadVideo, gap, waitPlaying, waitPosition } from './support/watch.mjs';
import { waitFor } from './support/wait.mjs';
import { useWatchRoom } from './support/watch-suite.mjs';

const { twoPeople, bothReady } = useWatchRoom({ before, after });

test('YouTube links in every common form play through the IFrame API (local fake) with oEmbed titles', async () => {
  const { a, b, close } = await twoPeople();
  try {
    await bothReady(a, b);
    await loadVideo(a, 'https://youtu.be/dQw4w9WgXcQ?t=42');
    await Promise.all([waitPlaying(a, true, { kind: 'youtube' }), waitPlaying(b, true, { kind: 'youtube' })]);
    await b.locator('[data-fake-youtube="dQw4w9WgXcQ"]').waitFor();
    await waitPosition(b, (p) => p >= 42 && p < 50, 'started at t=42');
    await b.getByTestId('video-title').getByText('Fixture video').waitFor();
    await b.getByTestId('video-title').getByText('Fixture channel').waitFor();

    await b.getByTestId('player-pause').click();
    await Promise.all([waitPlaying(a, false), waitPlaying(b, false)]);
    await waitFor(async () => (await gap(a, b)) < 0.1, { message: 'YouTube players paused together' });

    const forms = [
      ['https://www.youtube.com/watch?v=aaaaaaaaaaa&list=PL123&index=3', 'aaaaaaaaaaa'],
      ['https://www.youtube.com/shorts/bbbbbbbbbbb', 'bbbbbbbbbbb'],
      ['https://www.youtube-nocookie.com/embed/ccccccccccc?start=5', 'ccccccccccc'],
      ['m.youtube.com/watch?v=ddddddddddd&t=1m5s', 'ddddddddddd'],
    ];
    for (const [url, id] of forms) {
      await loadVideo(a, url);
      await b.locator(`[data-fake-youtube="${id}"]`).waitFor({ timeout: 15_000 });
      // No oEmbed answer for these ids (the fake says 404): the title falls back to the id.
      await b.getByTestId('video-title').getByText(`YouTube video ${id}`).waitFor();
    }
    await waitPosition(b, (p) => p >= 65, 'started at t=1m5s');
  } finally {
    await close();
  }
});
