import { formatMoney } from '../format/format-money.js';

/** A change as "+$1,200" or "−$300"; "—" when there is nothing to compare with. */
export function formatChange(amount: string | null, currency: string): string {
  if (amount === null) return '—';
  if (/^-?0(\.0+)?$/.test(amount)) return formatMoney('0', currency);
  const negative = amount.startsWith('-');
  const text = formatMoney(negative ? amount.slice(1) : amount, currency);
  return `${negative ? '−' : '+'}${text}`;
}

/** A share as a whole percentage: 0.1234 → "12 %". */
export function formatShare(share01: number | null): string {
  return share01 === null ? '—' : `${Math.round(share01 * 100)} %`;
}
