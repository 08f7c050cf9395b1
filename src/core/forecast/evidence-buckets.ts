/**
 * The evidence about an open deal beyond its stage and week, each cut into a few buckets whose
 * edges are fixed (not fitted), so a bucket means the same thing in every forecast:
 * - pushes: how often the close date moved later (0, 1, 2, 3+);
 * - time in stage, in days (< 14, 14–44, 45–89, 90+): a deal stuck in a stage is less likely to move;
 * - age since creation, in days (< 30, 30–89, 90–179, 180+).
 */
export type DealEvidence = { pushCount: number; daysInStage: number; ageDays: number };

export const evidenceKinds = ['pushes', 'timeInStage', 'age'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceBucketLabels: Record<EvidenceKind, readonly string[]> = {
  pushes: ['0', '1', '2', '3+'],
  timeInStage: ['<14d', '14-44d', '45-89d', '90d+'],
  age: ['<30d', '30-89d', '90-179d', '180d+'],
};

export function computeEvidenceBucket(kind: EvidenceKind, evidence: DealEvidence): number {
  switch (kind) {
    case 'pushes':
      return Math.min(Math.max(evidence.pushCount, 0), 3);
    case 'timeInStage':
      return bucketOf(evidence.daysInStage, [14, 45, 90]);
    case 'age':
      return bucketOf(evidence.ageDays, [30, 90, 180]);
  }
}

function bucketOf(value: number, edges: readonly number[]): number {
  let bucket = 0;
  for (const edge of edges) if (value >= edge) bucket += 1;
  return bucket;
}
