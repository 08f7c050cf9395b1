import type { Migration } from 'kysely';
import * as ledger from './0001-ledger.js';
import * as auth from './0002-auth.js';
import * as importJobs from './0003-import-jobs.js';
import * as oidcLogins from './0004-oidc-logins.js';
import * as ownerCloseIndex from './0005-owner-close-index.js';
import * as forecasts from './0006-forecasts.js';
import * as forecastCalls from './0007-forecast-calls.js';
import * as quotasAndTargets from './0009-quotas-and-targets.js';
import * as hygieneAndDigests from './0010-hygiene-and-digests.js';
import * as voiceAndEngagement from './0011-voice-and-engagement.js';
import * as verificationJobs from './0012-verification-jobs.js';
import * as indexOnlyPipelineReads from './0013-index-only-pipeline-reads.js';
import * as hygieneDealHistory from './0014-hygiene-deal-history.js';
import * as callScores from './0016-call-scores.js';
import * as forecastScores from './0017-forecast-scores.js';
import * as stageStaysByStage from './0018-stage-stays-by-stage.js';

/** Every migration, in order. Listed by hand so bundling and both engines see the same set. */
export const migrations: Record<string, Migration> = {
  '0001-ledger': ledger,
  '0002-auth': auth,
  '0003-import-jobs': importJobs,
  '0004-oidc-logins': oidcLogins,
  '0005-owner-close-index': ownerCloseIndex,
  '0006-forecasts': forecasts,
  '0007-forecast-calls': forecastCalls,
  '0009-quotas-and-targets': quotasAndTargets,
  '0010-hygiene-and-digests': hygieneAndDigests,
  '0011-voice-and-engagement': voiceAndEngagement,
  '0012-verification-jobs': verificationJobs,
  '0013-index-only-pipeline-reads': indexOnlyPipelineReads,
  '0014-hygiene-deal-history': hygieneDealHistory,
  '0016-call-scores': callScores,
  '0017-forecast-scores': forecastScores,
  '0018-stage-stays-by-stage': stageStaysByStage,
};
