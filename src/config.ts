import { z } from 'zod';

/**
 * The only reader of process.env. Every setting has a default that needs no environment at all:
 * with nothing set, Candor runs on the embedded database in ./data on port 3000.
 */
const configSchema = z.object({
  /** A PostgreSQL server; when unset, the embedded database in `dataDir` is used. */
  databaseUrl: z.string().url().optional(),
  dataDir: z.string().min(1).default('./data'),
  /** Where uploaded files wait while they are imported (removed after); the system's temp folder when unset. */
  uploadDir: z.string().min(1).optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a reverse proxy: believe its X-Forwarded-For/-Proto (client address, HTTPS cookies). */
  trustProxy: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The address users reach Candor at, e.g. https://candor.example.com; needed for single sign-on. */
  publicUrl: z.string().url().optional(),
  /** Weekly digests by e-mail: an SMTP server URL (smtp://user:pass@host:587, smtps://…). */
  smtpUrl: z.string().url().optional(),
  /** The sender of digest e-mails. */
  digestFrom: z.string().min(3).default('Candor <candor@localhost>'),
  /** Weekly digests as JSON to a webhook, signed with HMAC-SHA256 using the secret (docs/hygiene.md). */
  digestWebhookUrl: z.string().url().optional(),
  digestWebhookSecret: z.string().min(16).optional(),
  /** OpenID Connect single sign-on: all three set, or none. */
  oidc: z
    .object({
      issuer: z.string().url(),
      clientId: z.string().min(1),
      clientSecret: z.string().min(1),
      /** The button's text on the sign-in page. */
      label: z.string().min(1).default('Sign in with single sign-on'),
    })
    .optional(),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse({
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.CANDOR_DATA_DIR || undefined,
    uploadDir: env.CANDOR_UPLOAD_DIR || undefined,
    host: env.HOST || undefined,
    port: env.PORT || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    trustProxy: env.TRUST_PROXY || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    digestFrom: env.DIGEST_FROM || undefined,
    digestWebhookUrl: env.DIGEST_WEBHOOK_URL || undefined,
    digestWebhookSecret: env.DIGEST_WEBHOOK_SECRET || undefined,
    oidc:
      env.OIDC_ISSUER || env.OIDC_CLIENT_ID || env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            label: env.OIDC_LABEL || undefined,
          }
        : undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  return Object.freeze(parsed.data);
}
