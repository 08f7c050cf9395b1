import Papa from 'papaparse';
import { neutraliseSpreadsheetCell } from '../neutralise-spreadsheet-cell.js';
import type { Insight } from './insight.js';

/** What a digest holds: the period's headline figures and the insights themselves. */
export type Digest = {
  title: string;
  period: string;
  currency: string;
  competitors: { competitor: string; won: string; lost: string; winRate: number | null; open: string }[];
  lossReasons: { reason: string; deals: number; lost: string }[];
  featureRequests: { topic: string; requests: number; open: string }[];
  serviceProblems: { topic: string; accounts: number; open: string }[];
  insights: (Insight & { accountName: string | null; opportunityName: string | null })[];
};

const csvColumns = [
  'captured_at',
  'type',
  'severity',
  'account',
  'deal',
  'competitor',
  'topic',
  'text',
] as const;

/** The digest's insights as CSV, one row each; cells that a spreadsheet would run as formulas are neutralised. */
export function renderDigestCsv(digest: Digest): string {
  const rows = digest.insights.map((i) =>
    [
      i.capturedAt,
      i.type,
      i.severity,
      i.accountName ?? i.accountId,
      i.opportunityName ?? i.opportunityId ?? '',
      i.competitor ?? '',
      i.topic ?? '',
      i.text,
    ].map((cell) => neutraliseSpreadsheetCell(cell)),
  );
  return Papa.unparse({ fields: [...csvColumns], data: rows }, { newline: '\r\n' }) + '\r\n';
}

/** The digest as Markdown, for e-mail bodies and wikis: figures first, then each insight. */
export function renderDigestMarkdown(digest: Digest): string {
  const lines: string[] = [
    `# ${escape(digest.title)}`,
    '',
    `Period ${digest.period}; amounts in ${digest.currency}.`,
    '',
  ];
  const table = (heading: string, head: string[], rows: string[][]) => {
    if (rows.length === 0) return;
    lines.push(`## ${heading}`, '', `| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    for (const row of rows) lines.push(`| ${row.map(escape).join(' | ')} |`);
    lines.push('');
  };
  table(
    'Competitors',
    ['Competitor', 'Won', 'Lost', 'Win rate', 'Open pipeline'],
    digest.competitors.map((c) => [
      c.competitor,
      c.won,
      c.lost,
      c.winRate === null ? '–' : `${Math.round(c.winRate * 100)} %`,
      c.open,
    ]),
  );
  table(
    'Loss reasons',
    ['Reason', 'Deals', 'Lost value'],
    digest.lossReasons.map((l) => [l.reason, String(l.deals), l.lost]),
  );
  table(
    'Feature requests',
    ['Request', 'Requests', 'Open pipeline citing it'],
    digest.featureRequests.map((f) => [f.topic, String(f.requests), f.open]),
  );
  table(
    'Service and billing problems',
    ['Problem', 'Accounts', 'Open pipeline at those accounts'],
    digest.serviceProblems.map((s) => [s.topic, String(s.accounts), s.open]),
  );
  lines.push('## Insights', '');
  if (digest.insights.length === 0) lines.push('None in this period.');
  for (const i of digest.insights) {
    const about = [i.accountName ?? i.accountId, i.opportunityName].filter(Boolean).join(' / ');
    const label = [i.type, i.severity, i.competitor].filter(Boolean).join(', ');
    lines.push(
      `- **${escape(about)}** (${escape(label)}, ${i.capturedAt.slice(0, 10)}): ${escape(i.topic ? `${i.topic}: ${i.text}` : i.text)}`,
    );
  }
  return lines.join('\n') + '\n';
}

/** Markdown that displays as the text it is: table pipes, emphasis and links escaped, lines joined. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]|<>#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
