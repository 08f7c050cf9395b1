import { createHash } from 'node:crypto';
import { startOfDay } from '../fiscal-calendar.js';
import {
  computeCompetitorKey,
  computeInsightKey,
  insightSchema,
  type Insight,
  type InsightRecord,
} from './insight.js';

/** Ids of insights an import makes from deal fields start so; the import keeps only those in step. */
export const importedDealInsightPrefix = 'imp-';

/** A deal whose loss reason or competitor field an import set, and when. */
export type ImportedDealFields = {
  id: string;
  accountId: string | null;
  isClosed: boolean;
  isWon: boolean;
  closeDate: string | null;
  lossReason: string | null;
  competitor: string | null;
  /** When the import last set the field (for the loss reason, or the stage); null when it did not. */
  lossReasonSetAt: Date | null;
  competitorSetAt: Date | null;
};

export type ImportedDealInsightPlan = {
  capture: { id: string; originKey: string; record: InsightRecord }[];
  withdraw: { id: string; at: Date }[];
};

/**
 * The insights an imported deal's loss reason and competitor fields stand for, so that summaries,
 * trends and digests read one source (decision 0013):
 * - a lost deal's loss reason is a `loss-reason` insight, captured when the deal closed (the start
 *   of its close day, or when the field was set if later), unless the latest loss-reason insight on
 *   the deal already says the same;
 * - each competitor the field names (`;`-separated) is a `competitor-mention`, captured when the
 *   field was set, unless an insight on the deal already names it;
 * - insights an earlier import made from a value the field no longer holds are withdrawn.
 * Fields the import did not set are left alone (a change of stage counts for the loss reason, so a
 * deal lost after its reason was filled in gets it); a deal without an account gets no insight (its
 * field still counts in the summaries). Times never pass `now`. Ids and origin keys name the
 * batch, so a value that comes back after being withdrawn is captured anew.
 */
export function planImportedDealInsights(options: {
  deal: ImportedDealFields;
  /** Insights on the deal that are not withdrawn, oldest first. */
  live: readonly Insight[];
  batchId: string;
  now: Date;
  timeZone: string;
}): ImportedDealInsightPlan {
  const { deal, now } = options;
  const plan: ImportedDealInsightPlan = { capture: [], withdraw: [] };
  if (deal.accountId === null) return plan;
  const accountId = deal.accountId;
  const cap = (at: Date) => (at > now ? now : at);
  const make = (type: 'loss-reason' | 'competitor-mention', key: string, fields: Partial<InsightRecord>) => {
    const digest = createHash('sha256')
      .update([deal.id, type, key, options.batchId].join('\u0000'))
      .digest('hex');
    plan.capture.push({
      id: importedDealInsightPrefix + digest.slice(0, 20),
      originKey: `import:${options.batchId}:insight:${deal.id}:${type}:${digest.slice(20, 36)}`,
      record: insightSchema.parse({
        accountId,
        opportunityId: deal.id,
        type,
        competitor: null,
        topic: null,
        text: '',
        severity: 'medium',
        authorId: null,
        ...fields,
      }),
    });
  };
  const imported = (i: Insight) => i.id.startsWith(importedDealInsightPrefix);

  if (deal.lossReasonSetAt) {
    const reason = deal.isClosed && !deal.isWon ? deal.lossReason?.trim() || null : null;
    const wanted = reason === null ? null : computeInsightKey({ topic: null, text: reason });
    const reasons = options.live.filter((i) => i.type === 'loss-reason');
    const stale = reasons.filter((i) => imported(i) && computeInsightKey(i) !== wanted);
    for (const i of stale) plan.withdraw.push({ id: i.id, at: cap(deal.lossReasonSetAt) });
    const latest = reasons.filter((i) => !stale.includes(i)).at(-1);
    if (reason !== null && (!latest || computeInsightKey(latest) !== wanted)) {
      const closedAt = deal.closeDate ? startOfDay(deal.closeDate, options.timeZone) : deal.lossReasonSetAt;
      const at = closedAt > deal.lossReasonSetAt ? closedAt : deal.lossReasonSetAt;
      make('loss-reason', wanted ?? '', { text: reason, capturedAt: cap(at).toISOString() });
    }
  }

  if (deal.competitorSetAt) {
    const names = new Map<string, string>();
    for (const name of (deal.competitor ?? '').split(';')) {
      if (name.trim() !== '' && !names.has(computeCompetitorKey(name)))
        names.set(computeCompetitorKey(name), name.trim());
    }
    const mentions = options.live.filter((i) => i.type === 'competitor-mention' && i.competitor !== null);
    for (const i of mentions) {
      if (imported(i) && !names.has(computeCompetitorKey(i.competitor ?? '')))
        plan.withdraw.push({ id: i.id, at: cap(deal.competitorSetAt) });
    }
    for (const [key, name] of names) {
      if (mentions.some((i) => computeCompetitorKey(i.competitor ?? '') === key)) continue;
      make('competitor-mention', key, {
        competitor: name,
        capturedAt: cap(deal.competitorSetAt).toISOString(),
      });
    }
  }
  return plan;
}
