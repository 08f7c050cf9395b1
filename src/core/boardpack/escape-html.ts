/** Text for HTML content and attribute values: the five characters that could break out of either. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** `1234567.8` → `1,234,567.80 USD`: exact, from the decimal string. */
export function formatPackMoney(amount: string | null, currency: string): string {
  if (amount === null) return '—';
  const negative = amount.startsWith('-');
  const [whole = '0', cents] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${cents ? `.${cents}` : ''} ${currency}`;
}

/** A share of 1 as a whole percentage, or `—`. */
export function formatPackShare(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${Math.round(value * 100)}%`;
}
