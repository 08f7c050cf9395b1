import { DomainError } from '../services/errors.js';

/**
 * Reads an instant from a flag: a full ISO-8601 timestamp with its offset (2023-04-01T00:00:00Z),
 * or a bare date, taken as midnight UTC. Anything else is refused with the flag's name.
 */
export function parseInstant(text: string, flag: string): Date {
  const withTime = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const value = new Date(withTime);
  if (
    !/^\d{4}-\d{2}-\d{2}T/.test(withTime) ||
    Number.isNaN(value.getTime()) ||
    !/(Z|[+-]\d{2}:?\d{2})$/.test(withTime)
  ) {
    throw new DomainError('invalid-input', `${flag} '${text}' is not an instant`, [
      {
        where: flag,
        value: text,
        reason: 'expected an ISO-8601 time with a zone, such as 2023-04-01T00:00:00Z',
      },
    ]);
  }
  return value;
}
