// Bundles the browser client (wwwroot/src) into wwwroot/dist with esbuild. Run: npm run build
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));

// y-monaco imports `monaco-editor`; the page already has Monaco from BlazorMonaco (window.monaco), so every
// `monaco-editor/...` import resolves to a shim over that instance instead of bundling a second Monaco.
const monacoFromWindow = {
  name: 'monaco-from-window',
  setup(build) {
    build.onResolve({ filter: /^monaco-editor(\/|$)/ }, () => ({ path: path.join(root, 'src/editor/monaco-shim.js') }));
  },
};

await build({
  absWorkingDir: root,
  entryPoints: {
    room: 'src/room.js',
    media: 'src/media.js',
    'device-check': 'src/media/device-check.js',
    editor: 'src/editor.js',
    playback: 'src/playback.js',
    watch: 'src/watch.js',
    app: 'src/styles.css',
    'exam-observer': 'src/exam-observer.js',
    'exam-candidate': 'src/exam-candidate.js',
  },
  plugins: [monacoFromWindow],
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
console.log('client bundle written to wwwroot/dist');
