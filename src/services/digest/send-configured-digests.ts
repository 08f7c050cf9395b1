import type { DatabaseHandle } from '../../store/session.js';
import { openChannelsToSend, type DigestChannelSettings } from './open-digest-channels.js';
import { sendDigests, type DigestRun } from './send-digests.js';

export type SendConfiguredDigestsOptions = {
  asOf: Date;
  dryRun: boolean;
  /** The server's digest settings (SMTP_URL, DIGEST_FROM, DIGEST_WEBHOOK_URL and its secret). */
  settings: Omit<DigestChannelSettings, 'clock'>;
  clock: () => Date;
};

/** The week's digests over the channels the settings configure (see openChannelsToSend). */
export async function sendConfiguredDigests(
  handle: DatabaseHandle,
  options: SendConfiguredDigestsOptions,
): Promise<DigestRun> {
  const channels = openChannelsToSend(
    { ...options.settings, clock: options.clock },
    { dryRun: options.dryRun, what: 'digest' },
  );
  return sendDigests(handle, {
    asOf: options.asOf,
    channels,
    dryRun: options.dryRun,
    clock: options.clock,
  });
}
