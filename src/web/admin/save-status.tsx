import { describeError } from '../http/api-error.js';
import { Notice } from '../ui/notice.js';

type Outcome = { isSuccess: boolean; isError: boolean; error: unknown };

/** What became of the last save: a short success line, or the server's reason in words. */
export function SaveStatus({ outcome, success }: { outcome: Outcome; success: string }) {
  if (outcome.isError) return <Notice tone="error">{describeError(outcome.error)}</Notice>;
  if (outcome.isSuccess) return <Notice tone="success">{success}</Notice>;
  return null;
}
