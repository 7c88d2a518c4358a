// ============================================================================
// DEMO ONLY. These accounts and their passwords are public, hard-coded test
// fixtures for the local sandbox. Never reuse this module, these passwords or
// this sandbox for anything but local development and tests.
// ============================================================================
import { createHash, timingSafeEqual } from 'node:crypto';

const DEMO_ACCOUNTS = new Map([
  ['alice', {
    password: 'alice-demo',
    claims: { name: 'Alice Adams', email: 'alice@example.com', email_verified: true },
  }],
  ['bob', {
    password: 'bob-demo',
    // No email_verified claim for bob: lets clients exercise the "unverified" path.
    claims: { name: 'Bob Brown', email: 'bob@example.com' },
  }],
]);

const digest = (value) => createHash('sha256').update(String(value), 'utf8').digest();

/**
 * Checks a user name / password pair. Returns the account id (= `sub`) or
 * undefined. The comparison is constant-time over SHA-256 digests (equal length
 * whatever the input), and an unknown user name still costs one comparison, so
 * response timing does not tell which part was wrong.
 */
export function authenticate(login, password) {
  const account = DEMO_ACCOUNTS.get(String(login ?? ''));
  const expected = digest(account ? account.password : 'no-such-account');
  const matches = timingSafeEqual(expected, digest(password ?? ''));
  return account && matches ? String(login) : undefined;
}

/** Whether `accountId` names a demo account. */
export function accountExists(accountId) {
  return DEMO_ACCOUNTS.has(accountId);
}

/** The account id whose email is `email` (exact, case-insensitive), or undefined. */
export function accountIdByEmail(email) {
  const wanted = String(email).toLowerCase();
  for (const [id, account] of DEMO_ACCOUNTS) {
    if (account.claims.email.toLowerCase() === wanted) return id;
  }
  return undefined;
}

/** Display name for the consent page; undefined for unknown ids. */
export function displayName(accountId) {
  return DEMO_ACCOUNTS.get(accountId)?.claims.name;
}

/**
 * oidc-provider's `findAccount`. Returns every claim we have; oidc-provider
 * filters them by granted scopes/claims (config `claims`) before they reach an
 * ID token or the userinfo response.
 */
export async function findAccount(_ctx, sub) {
  const account = DEMO_ACCOUNTS.get(sub);
  if (!account) return undefined;
  return {
    accountId: sub,
    async claims() {
      return { sub, ...account.claims };
    },
  };
}
