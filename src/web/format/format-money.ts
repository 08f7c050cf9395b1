/**
 * Money arrives as exact decimal strings ("243521.74"). Display goes through Intl with the string
 * itself (no float rounding); sums are done in BigInt minor units so a column of 100,000 deals adds
 * up to the cent, the same as the server's totals.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      notation: compact ? 'compact' : 'standard',
      maximumFractionDigits: compact ? 1 : 0,
      minimumFractionDigits: 0,
    });
    formatters.set(key, found);
  }
  return found;
}

export function formatMoney(
  amount: string | null,
  currency: string,
  options: { compact?: boolean } = {},
): string {
  if (amount === null) return '—';
  try {
    return formatter(currency, options.compact ?? false).format(amount as Intl.StringNumericLiteral);
  } catch {
    // An unknown currency code: show the figure with the code rather than nothing.
    return `${amount} ${currency}`;
  }
}

/** The exact amount with its cents, for tooltips and edit fields. */
export function formatExact(amount: string | null, currency: string): string {
  if (amount === null) return '—';
  const [whole = '0', cents = ''] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${cents ? `.${cents}` : ''} ${currency}`;
}

type Scaled = { units: bigint; scale: number };

function toScaled(amount: string): Scaled {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = amount.replace(/^-/, '').split('.');
  const units = BigInt(`${whole}${fraction}` || '0');
  return { units: negative ? -units : units, scale: fraction.length };
}

/** Adds exact decimal strings; nulls (deals without an amount) count as nothing. */
export function sumDecimals(amounts: readonly (string | null)[]): string {
  let scale = 0;
  const parsed: Scaled[] = [];
  for (const amount of amounts) {
    if (amount === null) continue;
    const value = toScaled(amount);
    scale = Math.max(scale, value.scale);
    parsed.push(value);
  }
  let total = 0n;
  for (const value of parsed) total += value.units * 10n ** BigInt(scale - value.scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** A probability in [0, 1] as a whole percentage. */
export function formatPercent(probability01: number | null): string {
  return probability01 === null ? '—' : `${Math.round(probability01 * 100)}%`;
}
