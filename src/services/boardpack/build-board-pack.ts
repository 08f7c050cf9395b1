import type { AccessScope } from '../../core/access-scope.js';
import type { BoardPackData } from '../../core/boardpack/board-pack-data.js';
import { renderBoardPackHtml } from '../../core/boardpack/render-board-pack-html.js';
import { renderWaterfallSvg } from '../../core/boardpack/render-waterfall-svg.js';
import { formatMinor } from '../../core/money.js';
import { periodDates, periodInstants } from '../../core/fiscal-calendar.js';
import { listBridgeCallers } from '../../store/bridge-callers.js';
import { readLedgerHead } from '../../store/org-queries.js';
import { listDeals } from '../../store/pipeline-queries.js';
import { withConnection, type DatabaseHandle } from '../../store/session.js';
import { buildBridgeReport } from '../bridge/get-bridge.js';
import { getPipeline } from '../get-pipeline.js';
import { getOrgContext } from '../org-context.js';
import {
  gatherSection,
  readAccuracy,
  readCalls,
  readHygiene,
  readScorecards,
  readTarget,
  type SectionContext,
} from './gather-optional-sections.js';

export type BuildBoardPackOptions = {
  period: string;
  scope: AccessScope;
  /** The signed-in person (their calls are the pack's); null from the CLI (the top caller's). */
  userId: string | null;
  now: Date;
};

export type BoardPack = { data: BoardPackData; html: string };

/**
 * The board pack of a period for the caller's scope: each section from its own service, as of the
 * period's end or now, then the ledger head (the pack says which chain it was built from). The head
 * is read last because reading some sections appends to the ledger (a finished quarter's call scores
 * are stored on first read), and the head named must include what the pack itself caused.
 */
export async function buildBoardPack(
  handle: DatabaseHandle,
  options: BuildBoardPackOptions,
): Promise<BoardPack> {
  const base = await withConnection(handle, async (conn) => {
    const org = await getOrgContext(conn);
    const bounds = periodInstants(org.calendar, options.period);
    const to = bounds.end < options.now ? bounds.end : options.now;
    const dates = periodDates(org.calendar, options.period);
    const bridge = await buildBridgeReport(conn, {
      period: options.period,
      from: bounds.start,
      to,
      scope: options.scope,
    });
    const callerId = options.userId ?? (await listBridgeCallers(conn, null))[0] ?? null;
    const caller =
      callerId === null
        ? null
        : ((await conn.db
            .selectFrom('users')
            .select(['id', 'name'])
            .where('id', '=', callerId)
            .executeTakeFirst()) ?? null);
    const risks = await listDeals(conn, {
      closeFrom: dates.start,
      closeTo: dates.end,
      asOf: to,
      scope: options.scope,
      corporateCurrency: org.settings.corporateCurrency,
      categories: ['Commit'],
      sort: 'amount',
      descending: true,
      limit: 200,
      offset: 0,
    });
    return { org, bounds, to, bridge, caller, risks: risks.deals };
  });
  const { org, bridge, to } = base;
  const decimals = org.corporateDecimals;
  const context: SectionContext = {
    handle,
    period: options.period,
    scope: options.scope,
    caller: base.caller ? { userId: base.caller.id, name: base.caller.name } : null,
    to,
    now: options.now,
    decimals,
  };
  const pipeline = await getPipeline(handle, { period: options.period, asOf: to, scope: options.scope });
  const open = [pipeline.categories.Pipeline, pipeline.categories['Best Case'], pipeline.categories.Commit];
  const number = await gatherSection(async () => {
    const { target, source } = await readTarget(context);
    return {
      won: pipeline.categories.Closed.amount,
      wonDeals: pipeline.categories.Closed.deals,
      target,
      targetSource: source,
      open: sumDecimals(
        open.map((c) => c.amount),
        decimals,
      ),
    };
  });
  const sections: Omit<BoardPackData, 'ledger'> = {
    organisation: org.settings.name,
    isDemo: org.settings.isDemo,
    period: options.period,
    from: base.bounds.start.toISOString(),
    to: to.toISOString(),
    builtAt: options.now.toISOString(),
    currency: org.settings.corporateCurrency,
    scope:
      options.scope.kind === 'everything'
        ? 'the whole organisation'
        : `the deals of ${options.scope.ownerIds.length} people in view`,
    number,
    calls: await readCalls(context),
    accuracy: await readAccuracy(context),
    bridge: {
      start: bridge.start,
      won: bridge.won,
      open: bridge.open,
      end: bridge.end,
      steps: bridge.steps.map((s) => ({
        label: s.label,
        amount: s.amount,
        moves: s.deals.length,
        top: s.deals
          .slice(0, 3)
          .map((d) => ({ name: d.name, owner: d.owner, amount: d.amount, change: d.change })),
      })),
      account: bridge.account.paragraphs.map((p) => p.map((f) => f.text).join('')),
      waterfallSvg: renderWaterfallSvg({
        start: Number(bridge.start),
        steps: bridge.steps.map((s) => ({ label: s.label, amount: Number(s.amount) })),
        won: Number(bridge.won),
        open: Number(bridge.open),
        currency: bridge.currency,
        width: 720,
        height: 300,
      }),
    },
    scorecards: await readScorecards(context),
    hygiene: await readHygiene(context),
    risks: base.risks
      .filter((d) => d.pushCount > 0 && !d.isClosed)
      .slice(0, 10)
      .map((d) => ({
        name: d.name,
        owner: d.ownerName,
        amount: d.corporateAmountMinor === null ? '0' : formatMinor(d.corporateAmountMinor, decimals),
        closeDate: d.closeDate,
        pushes: d.pushCount,
        stage: d.stage,
      })),
  };
  const ledger = await withConnection(handle, (conn) => readLedgerHead(conn));
  const data: BoardPackData = {
    ...sections,
    ledger: { length: ledger.length.toString(), head: ledger.head },
  };
  return { data, html: renderBoardPackHtml(data) };
}

function sumDecimals(amounts: readonly string[], decimals: number): string {
  let total = 0n;
  for (const amount of amounts) {
    const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
    const value = BigInt(whole + fraction.padEnd(decimals, '0'));
    total += amount.startsWith('-') ? -value : value;
  }
  return formatMinor(total, decimals);
}
