import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { withTransaction } from '../src/db/connection.js';
import type { Engine } from '../src/db/open-database.js';
import { importSalesforce } from '../src/services/import/import-salesforce.js';
import { openBenchDatabase, report } from './bench-database.js';

const historyRows = Number(process.env.BENCH_HISTORY_ROWS ?? 1_000_000);
const rowsPerDeal = 10;

/**
 * Imports a generated Salesforce export with `historyRows` OpportunityHistory rows and compares
 * it with a raw COPY of the same history file into a bare table on the same engine.
 * Targets: import within 3x of raw COPY; peak memory of the embedded import under 1.5 GB.
 */
export async function benchImportHistory(engine: Engine): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'candor-bench-export-'));
  try {
    writeExport(folder);
    const raw = await openBenchDatabase(engine);
    let rawMs = 0;
    let rawCpuMs = 0;
    try {
      await sql`create table raw_history (id text, opportunity_id text, created_date text, stage_name text,
        amount text, close_date text, probability text, forecast_category text)`.execute(raw.db);
      const started = performance.now();
      const cpuStarted = cpuMs();
      await withTransaction(raw, (conn) =>
        conn.copyFrom(
          'raw_history',
          [
            'id',
            'opportunity_id',
            'created_date',
            'stage_name',
            'amount',
            'close_date',
            'probability',
            'forecast_category',
          ],
          historyLines(folder),
        ),
      );
      rawMs = performance.now() - started;
      rawCpuMs = cpuMs() - cpuStarted;
    } finally {
      await raw.dispose();
    }

    const handle = await openBenchDatabase(engine);
    try {
      const started = performance.now();
      const cpuStarted = cpuMs();
      const summary = await importSalesforce(handle, {
        actor: 'bench',
        now: new Date(),
        skipInvalid: false,
        path: folder,
      });
      const importMs = performance.now() - started;
      const importCpuMs = cpuMs() - cpuStarted;
      report(`import history [${engine}]`, {
        history_rows: historyRows,
        events: Object.values(summary.imported).reduce((a, b) => a + b, 0),
        import_s: (importMs / 1000).toFixed(1),
        rows_per_s: Math.round(historyRows / (importMs / 1000)),
        raw_copy_s: (rawMs / 1000).toFixed(1),
        ratio_to_copy: (importMs / rawMs).toFixed(1),
        // On the embedded engine the database runs in this process, so CPU time is the work itself,
        // whatever else the machine is doing; on a server most of the database's share is elsewhere.
        ...(engine === 'pglite'
          ? {
              import_cpu_s: (importCpuMs / 1000).toFixed(1),
              raw_copy_cpu_s: (rawCpuMs / 1000).toFixed(1),
              cpu_ratio: (importCpuMs / rawCpuMs).toFixed(1),
            }
          : {}),
        peak_rss_mb: peakRssMb(),
      });
    } finally {
      await handle.dispose();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function writeExport(folder: string): void {
  const deals = Math.ceil(historyRows / rowsPerDeal);
  const id = (i: number) => `006${String(i).padStart(15, '0')}`;
  const time = (j: number) => `2023-01-${String(j + 1).padStart(2, '0')} 09:00:00`;
  const opportunities = ['Id,Name,StageName,Amount,CloseDate,CreatedDate,LastModifiedDate'];
  const history: string[] = [
    'Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,ForecastCategory',
  ];
  for (let i = 0; i < deals; i += 1) {
    opportunities.push(
      `${id(i)},Deal ${i},Prospecting,${rowsPerDeal * 100},2023-06-30,${time(0)},${time(rowsPerDeal - 1)}`,
    );
    for (let j = 0; j < rowsPerDeal; j += 1) {
      history.push(
        `008${String(i * rowsPerDeal + j).padStart(15, '0')},${id(i)},${time(j)},Prospecting,${(j + 1) * 100},2023-06-30,10,Pipeline`,
      );
    }
  }
  writeFileSync(join(folder, 'Opportunity.csv'), `${opportunities.join('\n')}\n`);
  writeFileSync(join(folder, 'OpportunityHistory.csv'), `${history.join('\n')}\n`);
}

/** The history file's data rows, as COPY text lines (the generated values hold no commas). */
async function* historyLines(folder: string): AsyncGenerator<string> {
  let header = true;
  for await (const line of createInterface({
    input: createReadStream(join(folder, 'OpportunityHistory.csv')),
  })) {
    if (header) {
      header = false;
      continue;
    }
    if (line !== '') yield `${line.replaceAll(',', '\t')}\n`;
  }
}

/** CPU time this process has used, user and system, in milliseconds. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function peakRssMb(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Math.round(process.memoryUsage().rss / 1e6);
}
