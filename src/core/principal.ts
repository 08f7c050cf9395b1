import type { Access } from './compute-access.js';
import type { Membership } from './org-entities.js';

/** The signed-in person behind a request, with what they may do. */
export type Principal = {
  userId: string;
  name: string;
  email: string | null;
  memberships: readonly (Membership & { teamName: string })[];
  access: Access;
  session: {
    method: 'password' | 'oidc';
    /** Sent back in the x-csrf-token header with every state-changing request. */
    csrfToken: string;
    expiresAt: Date;
  };
};
