/**
 * Why a single sign-on came back without a session: the server redirects to /sign-in?error=<code>
 * (the codes of src/services/oidc/finish-oidc-sign-in.ts, explained in docs/sso.md). Each gets a
 * sentence that says what to do; an unknown code is shown as sent.
 */
const reasons: Record<string, string> = {
  'provider-error': 'The identity provider answered with an error (perhaps the sign-in was cancelled there).',
  'invalid-state':
    'The answer from the identity provider did not match a sign-in started here. Please start again.',
  'wrong-browser':
    'The sign-in was started in another browser or tab, or its cookie was blocked. Start again in this browser.',
  expired: 'The sign-in took too long and expired. Please start again.',
  'provider-unavailable':
    'The identity provider could not be reached. Try again shortly, or sign in with a password.',
  'exchange-failed': 'Candor could not confirm the sign-in with the identity provider. Please try again.',
  'no-email':
    'The identity provider did not tell Candor your e-mail address, so your account cannot be found.',
  'email-unverified':
    'The identity provider has not verified your e-mail address, so Candor cannot trust it yet.',
  'no-account': 'Candor has no active account with your e-mail address. Ask an admin to add you.',
  'ambiguous-account':
    'More than one Candor account matches your e-mail address. Ask an admin to resolve it.',
  'inactive-account': 'Your Candor account is deactivated. Ask an admin to reactivate it.',
};

export function describeSsoError(code: string): string {
  return (
    reasons[code] ?? `Single sign-on reported “${code.slice(0, 200)}”. Try again, or sign in with a password.`
  );
}
