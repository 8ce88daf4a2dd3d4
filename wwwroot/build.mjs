// Bundles the browser client (wwwroot/src) into wwwroot/dist with esbuild. Run: npm run build
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: { room: 'src/room.js', media: 'src/media.js', app: 'src/styles.css' },
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
