import { z } from 'zod';
import { instantTextSchema } from './common-schemas.js';

export const roleNames = ['rep', 'manager', 'executive', 'viewer', 'admin'] as const;

export const signInRequestSchema = z.object({
  email: z.string().trim().min(3).max(320).describe('the e-mail address Candor knows the person by'),
  password: z.string().min(1).max(1000),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signOutRequestSchema = z
  .object({
    everywhere: z.boolean().default(false).describe('end every session of this person, on every device'),
  })
  .default({ everywhere: false });

export const accessScopeSummarySchema = z.object({
  kind: z.enum(['everything', 'owners']),
  /** How many owners' deals the scope reaches; null for everything. */
  ownerCount: z.number().int().nullable(),
  /** The scope in words, shown beside the person's name: "Everything", "Your own deals", … */
  description: z.string(),
});

export const sessionSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }),
  roles: z.array(z.object({ teamId: z.string(), teamName: z.string(), role: z.enum(roleNames) })),
  scope: accessScopeSummarySchema,
  can: z.object({
    editDeals: z.boolean(),
    forecast: z.boolean(),
    administer: z.boolean(),
  }),
  currentQuarter: z
    .string()
    .describe("the fiscal quarter that holds today in the organisation's time zone, e.g. 2026-Q3"),
  method: z.enum(['password', 'oidc']),
  /** Send back as the x-csrf-token header with every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  expiresAt: instantTextSchema,
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const signOutResultSchema = z.object({ sessionsEnded: z.number().int() });

/** Which sign-in methods this server offers, for the sign-in page (public). */
export const signInOptionsSchema = z.object({
  password: z.boolean(),
  oidc: z.object({ enabled: z.boolean(), label: z.string() }),
  organisation: z.object({ name: z.string(), isDemo: z.boolean() }).nullable(),
});
export type SignInOptions = z.infer<typeof signInOptionsSchema>;

/** The header that carries the CSRF token, and the cookie that carries the session. */
export const csrfHeaderName = 'x-csrf-token';
export const sessionCookieName = 'candor_session';
