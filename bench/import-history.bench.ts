import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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
    // The import first: its peak memory is read when it ends, before the raw COPY's own database
    // can count in the process's high-water mark.
    const imported = await timeImport(engine, folder);
    const raw = await timeRawCopy(engine, folder);
    report(`import history [${engine}]`, {
      history_rows: historyRows,
      events: imported.events,
      import_s: (imported.ms / 1000).toFixed(1),
      rows_per_s: Math.round(historyRows / (imported.ms / 1000)),
      raw_copy_s: (raw.ms / 1000).toFixed(1),
      ratio_to_copy: (imported.ms / raw.ms).toFixed(1),
      // On the embedded engine the database runs in this process, so CPU time is the work itself,
      // whatever else the machine is doing; on a server most of the database's share is elsewhere.
      ...(engine === 'pglite'
        ? {
            import_cpu_s: (imported.cpuMs / 1000).toFixed(1),
            raw_copy_cpu_s: (raw.cpuMs / 1000).toFixed(1),
            cpu_ratio: (imported.cpuMs / raw.cpuMs).toFixed(1),
          }
        : {}),
      // The process's high-water mark when the import ended (the export is written a block at a time).
      peak_rss_mb: imported.peakRssMb,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function timeImport(
  engine: Engine,
  folder: string,
): Promise<{ ms: number; cpuMs: number; events: number; peakRssMb: number }> {
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
    return {
      ms: performance.now() - started,
      cpuMs: cpuMs() - cpuStarted,
      events: Object.values(summary.imported).reduce((a, b) => a + b, 0),
      peakRssMb: peakRssMb(),
    };
  } finally {
    await handle.dispose();
  }
}

async function timeRawCopy(engine: Engine, folder: string): Promise<{ ms: number; cpuMs: number }> {
  const raw = await openBenchDatabase(engine);
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
    return { ms: performance.now() - started, cpuMs: cpuMs() - cpuStarted };
  } finally {
    await raw.dispose();
  }
}

/** Writes the export a block of deals at a time, so that making it holds no more than a block. */
function writeExport(folder: string): void {
  const deals = Math.ceil(historyRows / rowsPerDeal);
  const id = (i: number) => `006${String(i).padStart(15, '0')}`;
  const time = (j: number) => `2023-01-${String(j + 1).padStart(2, '0')} 09:00:00`;
  const opportunities = openSync(join(folder, 'Opportunity.csv'), 'w');
  const history = openSync(join(folder, 'OpportunityHistory.csv'), 'w');
  try {
    writeSync(opportunities, 'Id,Name,StageName,Amount,CloseDate,CreatedDate,LastModifiedDate\n');
    writeSync(
      history,
      'Id,OpportunityId,CreatedDate,StageName,Amount,CloseDate,Probability,ForecastCategory\n',
    );
    const blockDeals = 1_000;
    for (let first = 0; first < deals; first += blockDeals) {
      const dealLines: string[] = [];
      const historyLines: string[] = [];
      for (let i = first; i < Math.min(first + blockDeals, deals); i += 1) {
        dealLines.push(
          `${id(i)},Deal ${i},Prospecting,${rowsPerDeal * 100},2023-06-30,${time(0)},${time(rowsPerDeal - 1)}\n`,
        );
        for (let j = 0; j < rowsPerDeal; j += 1) {
          historyLines.push(
            `008${String(i * rowsPerDeal + j).padStart(15, '0')},${id(i)},${time(j)},Prospecting,${(j + 1) * 100},2023-06-30,10,Pipeline\n`,
          );
        }
      }
      writeSync(opportunities, dealLines.join(''));
      writeSync(history, historyLines.join(''));
    }
  } finally {
    closeSync(opportunities);
    closeSync(history);
  }
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
