import { createHash } from 'node:crypto';
import { canonicalJson } from '../../canonical-json.js';
import {
  insightSeverities,
  insightTypes,
  type InsightSeverity,
  type InsightType,
} from '../../insights/insight.js';
import type { CsvRow } from '../csv-row.js';
import type { RowProblem } from '../row-problem.js';
import { MappedRowReader, type MappingContext } from './mapped-row-reader.js';

/** An insight row as the file gives it, before Candor checks its account, deal and author. */
export type MappedInsightRow = {
  id: string;
  originKey: string;
  accountId: string | null;
  opportunityId: string | null;
  type: InsightType;
  competitor: string | null;
  topic: string | null;
  text: string | null;
  severity: InsightSeverity | null;
  authorId: string | null;
  capturedAt: Date | null;
};

/** Words CRMs and spreadsheets use for the insight types, folded (lower case, `-` for spaces). */
const typeWords: Record<string, InsightType> = {
  competitor: 'competitor-mention',
  'loss-reason': 'loss-reason',
  'lost-reason': 'loss-reason',
  'closed-lost-reason': 'loss-reason',
  feature: 'feature-request',
  'product-request': 'feature-request',
  price: 'pricing',
  bug: 'product-problem',
  'product-issue': 'product-problem',
  'service-issue': 'service-problem',
  'billing-problem': 'service-problem',
  'billing-issue': 'service-problem',
  'service-or-billing-problem': 'service-problem',
};

const fold = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** An insight type from its name (`feature-request`) or label (`Feature request`, `Service or billing problem`). */
export function parseInsightType(text: string): InsightType | null {
  const folded = fold(text);
  return (insightTypes as readonly string[]).includes(folded)
    ? (folded as InsightType)
    : (typeWords[folded] ?? null);
}

/**
 * One row of an insights file. Its type and severity are read by name or label (map other words
 * with a value map); without an id, the row's content is its identity (an identical row is the
 * same insight). Whether its account, deal and author exist is checked against the ledger later.
 */
export function mapMappedInsight(
  row: CsvRow,
  context: MappingContext,
): { value: MappedInsightRow | null; problems: RowProblem[] } {
  const read = new MappedRowReader(row, context);
  const typeText = read.text('type', { required: true });
  const type = typeText === null ? null : parseInsightType(typeText);
  if (typeText !== null && type === null)
    read.problem('type', typeText, `expected an insight type: ${insightTypes.join(', ')}`);
  const severityText = read.text('severity');
  const severity = severityText === null ? null : fold(severityText);
  if (severity !== null && !(insightSeverities as readonly string[]).includes(severity))
    read.problem('severity', severityText ?? '', `expected a severity: ${insightSeverities.join(', ')}`);
  const values = {
    accountId: read.text('accountId'),
    opportunityId: read.text('opportunityId'),
    competitor: read.text('competitor'),
    topic: read.text('topic'),
    text: read.text('text', { keepText: true })?.trim() || null,
    authorId: read.text('authorId'),
  };
  const capturedAt = read.instant('capturedAt');
  const id = read.text('id');
  if (read.problems.length > 0 || !type) return { value: null, problems: read.problems };
  const { mapping } = context;
  const content = { ...values, type, severity, capturedAt: capturedAt?.toISOString() ?? null };
  const identity = id ?? createHash('sha256').update(canonicalJson(content)).digest('hex').slice(0, 32);
  return {
    value: {
      ...values,
      id: mapping.idPrefix + identity,
      originKey: `${mapping.source}:insight:${mapping.idPrefix}${identity}`,
      type,
      severity: severity as InsightSeverity | null,
      capturedAt,
    },
    problems: [],
  };
}
