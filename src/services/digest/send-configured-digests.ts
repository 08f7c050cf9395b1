import { DomainError } from '../../core/domain-error.js';
import type { DatabaseHandle } from '../../store/session.js';
import { openDigestChannels, type DigestChannelSettings } from './open-digest-channels.js';
import { sendDigests, type DigestRun } from './send-digests.js';

export type SendConfiguredDigestsOptions = {
  asOf: Date;
  dryRun: boolean;
  /** The server's digest settings (SMTP_URL, DIGEST_FROM, DIGEST_WEBHOOK_URL and its secret). */
  settings: Omit<DigestChannelSettings, 'clock'>;
  clock: () => Date;
};

/**
 * The week's digests over the channels the settings configure. A real run with no channel at all
 * is refused rather than answered "sent 0": the person asking would otherwise believe the team had
 * been told. A dry run needs no channel; it says which channel would reach each person.
 */
export async function sendConfiguredDigests(
  handle: DatabaseHandle,
  options: SendConfiguredDigestsOptions,
): Promise<DigestRun> {
  const channels = openDigestChannels({ ...options.settings, clock: options.clock });
  if (!options.dryRun && !channels.email && !channels.webhook) {
    throw new DomainError('invalid-input', 'no digest channel is configured, so nothing can be sent', [
      {
        where: 'SMTP_URL / DIGEST_WEBHOOK_URL',
        reason: 'set one or both on the server, or ask for a dry run to see the digests',
      },
    ]);
  }
  return sendDigests(handle, {
    asOf: options.asOf,
    channels,
    dryRun: options.dryRun,
    clock: options.clock,
  });
}
