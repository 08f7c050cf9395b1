import { DomainError, type ErrorDetail } from '../domain-error.js';
import { insightSchema, type InsightRecord, type InsightSeverity, type InsightType } from './insight.js';

/** An insight as a person or an import gives it. */
export type InsightInput = {
  accountId?: string | null;
  opportunityId?: string | null;
  type: InsightType;
  competitor?: string | null;
  topic?: string | null;
  text?: string | null;
  severity?: InsightSeverity | null;
  /** When the customer said it; defaults to now. */
  capturedAt?: Date | null;
};

/**
 * Checks an insight and turns it into the record of `insight.captured`:
 * - it belongs to an account: the deal's account when a deal is given (a different account is
 *   refused), else the account given;
 * - a competitor mention names the competitor; a loss reason, feature request or problem says
 *   something (a text or a topic); texts are trimmed, blanks become null;
 * - it cannot be captured in the future (more than a minute ahead of now).
 * Throws DomainError `invalid-input` listing every problem at once.
 */
export function planInsightCapture(options: {
  input: InsightInput;
  deal: { id: string; accountId: string | null } | null;
  authorId: string | null;
  now: Date;
}): InsightRecord {
  const { input, deal } = options;
  const problems: ErrorDetail[] = [];
  const accountId = clean(input.accountId) ?? deal?.accountId ?? null;
  if (deal && deal.accountId && clean(input.accountId) && clean(input.accountId) !== deal.accountId) {
    problems.push({
      where: 'accountId',
      value: String(input.accountId),
      reason: `the deal ${deal.id} belongs to the account ${deal.accountId}`,
    });
  }
  if (accountId === null) {
    problems.push({
      where: 'accountId',
      reason: deal ? `the deal ${deal.id} has no account: name one` : 'an insight belongs to an account',
    });
  }
  const competitor = clean(input.competitor);
  const topic = clean(input.topic);
  const text = clean(input.text) ?? '';
  if (input.type === 'competitor-mention' && competitor === null) {
    problems.push({ where: 'competitor', reason: 'a competitor mention names the competitor' });
  }
  if (input.type !== 'competitor-mention' && text === '' && topic === null) {
    problems.push({ where: 'text', reason: 'say what the customer said (a text or a topic)' });
  }
  const capturedAt = input.capturedAt ?? options.now;
  if (Number.isNaN(capturedAt.getTime())) problems.push({ where: 'capturedAt', reason: 'not a time' });
  else if (capturedAt.getTime() > options.now.getTime() + 60_000) {
    problems.push({
      where: 'capturedAt',
      value: capturedAt.toISOString(),
      reason: 'an insight cannot be captured in the future',
    });
  }
  if (problems.length > 0) {
    throw new DomainError(
      'invalid-input',
      `the insight cannot be recorded: ${problems.map((p) => p.reason).join('; ')}`,
      problems,
    );
  }
  return insightSchema.parse({
    accountId,
    opportunityId: deal?.id ?? null,
    type: input.type,
    competitor,
    topic,
    text,
    severity: input.severity ?? 'medium',
    authorId: options.authorId,
    capturedAt: capturedAt.toISOString(),
  });
}

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
