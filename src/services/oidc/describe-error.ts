/**
 * One line for the log about a failure talking to the identity provider: the error's name, code
 * and message, the provider's OAuth error when it sent one, and the network cause ("fetch failed"
 * alone says nothing). Deliberately not the response body or the error object itself, which can
 * carry codes and tokens that must never reach a log.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const parts = [error.name];
  const fields = error as Error & { code?: unknown; error?: unknown; error_description?: unknown };
  if (typeof fields.code === 'string') parts.push(fields.code);
  const head = `${parts.join(' ')}: ${error.message}`;
  const oauth =
    typeof fields.error === 'string'
      ? ` (provider said ${fields.error}${typeof fields.error_description === 'string' ? `: ${fields.error_description}` : ''})`
      : '';
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  return `${head}${oauth}${cause}`.slice(0, 500);
}
