/**
 * `npm run bench [name…]`: runs the benchmarks and prints figures and ratios against their
 * targets. Benchmarks never pass or fail; the figures go into the closing notes of the work.
 * PGlite always; the PostgreSQL server too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
 * BENCH_ENGINE=pglite|postgres runs one engine; BENCH_DEALS and BENCH_HISTORY_ROWS scale the data
 * down for a quick look.
 */
import { benchAsOfPipeline } from './as-of-pipeline.bench.js';
import { benchEngines } from './bench-database.js';
import { benchForecast } from './forecast.bench.js';
import { benchBridge } from './bridge.bench.js';
import { benchHygiene } from './hygiene.bench.js';
import { benchImportHistory } from './import-history.bench.js';
import { benchPipelineApi } from './pipeline-api.bench.js';
import { benchWebBundle } from './web-bundle.bench.js';
import type { Engine } from '../src/db/open-database.js';

const benchmarks: Record<string, (engine: Engine) => Promise<void>> = {
  'import-history': benchImportHistory,
  'as-of-pipeline': benchAsOfPipeline,
  forecast: benchForecast,
  'pipeline-api': benchPipelineApi,
  'web-bundle': benchWebBundle,
  hygiene: benchHygiene,
  bridge: benchBridge,
};

const wanted = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  for (const engine of benchEngines()) {
    const started = performance.now();
    await run(engine);
    console.log(`  (${name} [${engine}] took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
}
