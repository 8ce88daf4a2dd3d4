// Local stand-ins for everything watch-together reaches outside the machine, so tests never touch the network:
// a test clip (WebM made with ffmpeg at test time) served with HTTP Range support, a fake YouTube oEmbed endpoint
// and a fake YouTube IFrame API (fake-youtube-iframe-api.js). Start one per test file; point the web host at it
// with watchEnv(fixtures).
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { readFileSync, statSync, createReadStream, existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * A `seconds`-long 320×180 VP8/Opus WebM test clip (a keyframe every second for quick seeks), made with ffmpeg
 * into the temp dir the first time and reused by later test files.
 */
export async function makeClip(seconds = 90) {
  const file = path.join(tmpdir(), `interview-watch-clip-${seconds}s-v1.webm`);
  if (existsSync(file)) return file;
  const partial = `${file}.${process.pid}.webm`;
  await promisify(execFile)('ffmpeg', [
    '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=320x180:rate=25:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libvpx', '-b:v', '150k', '-g', '25', '-deadline', 'realtime', '-cpu-used', '8',
    '-c:a', 'libopus', '-b:a', '32k', partial,
  ], { timeout: 120_000 });
  renameSync(partial, file);
  return file;
}

export class WatchFixtures {
  /** oEmbed answers by YouTube id; ids not listed get 404. `oembedDelayMs` delays every answer (timeout tests). */
  oembed = new Map();
  oembedDelayMs = 0;
  oembedRequests = [];

  static async start({ clipSeconds = 90 } = {}) {
    const fixtures = new WatchFixtures();
    fixtures.clip = await makeClip(clipSeconds);
    fixtures.server = createServer((req, res) => fixtures.#handle(req, res));
    await new Promise((resolve) => fixtures.server.listen(0, '127.0.0.1', resolve));
    fixtures.url = `http://127.0.0.1:${fixtures.server.address().port}`;
    return fixtures;
  }

  get clipUrl() { return `${this.url}/media/clip.webm`; }
  get iframeApiUrl() { return `${this.url}/iframe_api?clip=${encodeURIComponent(this.clipUrl)}`; }
  get oembedUrl() { return `${this.url}/oembed`; }

  #handle(req, res) {
    const url = new URL(req.url, this.url);
    if (url.pathname.startsWith('/media/')) return this.#serveClip(req, res);
    if (url.pathname === '/iframe_api') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      return res.end(readFileSync(path.join(here, 'fake-youtube-iframe-api.js')));
    }
    if (url.pathname === '/oembed') {
      const videoUrl = url.searchParams.get('url') ?? '';
      this.oembedRequests.push(videoUrl);
      const id = new URL(videoUrl, 'https://www.youtube.com').searchParams.get('v');
      const answer = this.oembed.get(id);
      setTimeout(() => {
        if (!answer) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('Not Found'); }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ type: 'video', version: '1.0', provider_name: 'YouTube', ...answer }));
      }, this.oembedDelayMs);
      return;
    }
    res.writeHead(404).end();
  }

  /** The clip, with Range support (what <video> needs to seek). */
  #serveClip(req, res) {
    const size = statSync(this.clip).size;
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const headers = { 'content-type': 'video/webm', 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
    if (!range) {
      res.writeHead(200, { ...headers, 'content-length': size });
      return createReadStream(this.clip).pipe(res);
    }
    let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
    let end = range[1] !== '' && range[2] !== '' ? Number(range[2]) : size - 1;
    if (start >= size || start > end) {
      res.writeHead(416, { 'content-range': `bytes */${size}` });
      return res.end();
    }
    end = Math.min(end, size - 1);
    start = Math.max(0, start);
    res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${size}` });
    createReadStream(this.clip, { start, end }).pipe(res);
  }

  async dispose() {
    const closed = new Promise((resolve) => this.server?.close(resolve));
    this.server?.closeAllConnections();
    await closed;
  }
}

/** Web host settings that send oEmbed and the IFrame API to the fixtures. */
export function watchEnv(fixtures) {
  return {
    INTERVIEW_Watch__OEmbedUrl: fixtures.oembedUrl,
    INTERVIEW_Watch__OEmbedTimeoutMs: '1500',
    INTERVIEW_Watch__YouTubeIframeApiUrl: fixtures.iframeApiUrl,
  };
}
