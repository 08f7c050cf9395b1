/** A piece of the written account: plain text, or a figure with the deals behind it. */
export type AccountFragment = { text: string; deals?: string[] };
/** One sentence or paragraph of the account, as fragments to join. */
export type AccountParagraph = AccountFragment[];

/** The account as plain text: paragraphs separated by blank lines. */
export function accountToText(paragraphs: readonly AccountParagraph[]): string {
  return paragraphs.map((p) => p.map((f) => f.text).join('')).join('\n\n');
}

/**
 * Money for reading aloud: `USD 1.25M`, `USD 812K`, `USD 4,300` (exact below ten thousand, whole
 * units). The exact figures stand in the steps table beside the account.
 */
export function formatSpokenAmount(minor: bigint, decimals: number, currency: string): string {
  const negative = minor < 0n;
  const units = Number(negative ? -minor : minor) / 10 ** decimals;
  let text: string;
  if (units >= 1_000_000) text = `${trim((units / 1_000_000).toFixed(2))}M`;
  else if (units >= 100_000) text = `${Math.round(units / 1_000)}K`;
  else if (units >= 10_000) text = `${trim((units / 1_000).toFixed(1))}K`;
  else text = Math.round(units).toLocaleString('en-US');
  return `${negative ? '−' : ''}${currency} ${text}`;
}

/** A share as a whole percentage (`37%`), or `n/a` without a base. */
export function formatShare(part: bigint, whole: bigint): string {
  if (whole === 0n) return 'n/a';
  const value = Number((part * 1000n) / whole) / 10;
  return `${Math.round(value)}%`;
}

/** `1 deal`, `3 deals`. */
export function countDeals(count: number): string {
  return `${count} deal${count === 1 ? '' : 's'}`;
}

/** `A`, `A and B`, `A, B and C`. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

function trim(text: string): string {
  return text.replace(/\.?0+$/, '');
}
