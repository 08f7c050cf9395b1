import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Engine } from '../src/db/open-database.js';
import { report } from './bench-database.js';

const targetGzipBytes = 300 * 1024;

/**
 * The JavaScript a browser must fetch before the first page shows: the entry script of index.html
 * and every module it preloads, gzipped (level 9, as a server would serve it), from a fresh
 * production build. Lazy pages (admin, imports, charts) are listed apart. Target: under 300 KB.
 */
export async function benchWebBundle(engine: Engine): Promise<void> {
  if (engine !== 'pglite') return; // no database involved: measure once
  const outDir = mkdtempSync(join(tmpdir(), 'candor-web-'));
  try {
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
      {
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: 'inherit',
      },
    );
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const initial = [
      ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g),
    ].map((m) => m[1] as string);
    const gzipOf = (file: string) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
    const initialBytes = initial.reduce((sum, file) => sum + gzipOf(file), 0);
    const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g)].map(
      (m) => m[1] as string,
    );
    const all = execFileSync('find', [join(outDir, 'assets'), '-name', '*.js'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((path) => path.slice(outDir.length + 1));
    const lazyBytes = all.filter((f) => !initial.includes(f)).reduce((sum, file) => sum + gzipOf(file), 0);
    report('web app, initial JavaScript', {
      files: initial.length,
      gzipKB: (initialBytes / 1024).toFixed(1),
      cssGzipKB: (css.reduce((sum, file) => sum + gzipOf(file), 0) / 1024).toFixed(1),
      lazyChunks: all.length - initial.length,
      lazyGzipKB: (lazyBytes / 1024).toFixed(1),
      'initial/target': (initialBytes / targetGzipBytes).toFixed(2),
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
