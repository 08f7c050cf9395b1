import type { Digest } from './digest.js';

/** The subject line of a digest. */
export function composeDigestSubject(
  digest: Pick<Digest, 'audience' | 'flags' | 'teamName' | 'asOf' | 'score'>,
): string {
  const day = digest.asOf.slice(0, 10);
  const count = `${digest.flags.length} hygiene flag${digest.flags.length === 1 ? '' : 's'}`;
  if (digest.audience === 'owner') return `Your pipeline on ${day}: ${count}`;
  const score = digest.score === null ? '' : `, hygiene score ${digest.score.toFixed(1)}`;
  return `${digest.teamName ?? 'Your team'} on ${day}: ${count}${score}`;
}

/** The plain-text body of a digest e-mail. */
export function renderDigestText(digest: Digest): string {
  const lines = [`Hello ${digest.recipientName},`, ''];
  if (digest.audience === 'manager') {
    lines.push(
      `${digest.teamName ?? 'Your team'} as of ${digest.asOf}: hygiene score ${digest.score === null ? '—' : digest.score.toFixed(1)} of 100.`,
      '',
    );
  }
  if (digest.flags.length === 0) lines.push('No hygiene flags this week.');
  else lines.push(digest.audience === 'owner' ? 'Flags on your deals:' : 'Flags on the team’s deals:');
  for (const flag of digest.flags) {
    const owner = digest.audience === 'manager' && flag.ownerName ? ` (${flag.ownerName})` : '';
    lines.push(
      `- ${flag.dealName}${owner}: [${flag.severity}] ${flag.rule}: ${flag.evidence}, since ${flag.since.slice(0, 10)}`,
    );
  }
  if (digest.changes.length > 0) {
    lines.push('', 'Biggest changes since last week:');
    for (const change of digest.changes) {
      lines.push(
        `- ${change.dealName}${change.ownerName ? ` (${change.ownerName})` : ''}: ${change.changes.join('; ')}`,
      );
    }
  }
  lines.push('', 'Candor');
  return `${lines.join('\n')}\n`;
}

/** The HTML body: the same content, escaped, for mail clients that prefer it. */
export function renderDigestHtml(digest: Digest): string {
  const text = renderDigestText(digest);
  return `<!doctype html><html><body><pre style="font-family: system-ui, sans-serif; white-space: pre-wrap">${escapeHtml(text)}</pre></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
