/** The error type and codes, for the layers above services (server, cli) that map them. */
export { DomainError, isDomainError, type ErrorCode, type ErrorDetail } from '../core/domain-error.js';
