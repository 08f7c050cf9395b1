/**
 * Which deals a caller may see. Every store query that returns deals or totals takes one, so a
 * total shown to a manager is the sum over exactly the deals that manager may see. Computed from
 * the team tree and the caller's roles by the access service (see the web-app capability).
 */
export type AccessScope = { kind: 'everything' } | { kind: 'owners'; ownerIds: readonly string[] };

export const everything: AccessScope = { kind: 'everything' };
