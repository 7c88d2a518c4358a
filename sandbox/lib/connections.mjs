// Federated connections: the sandbox's stand-in for Auth0 Token Vault. A user
// "connected" a third-party account (here only Google, as Auth0's
// `google-oauth2` connection) and the vault holds that provider's refresh
// token; an app exchanges the user's sandbox token for the provider's access
// token (token-exchange.mjs). Nothing talks to Google: the "provider's access
// token" is a JWT this sandbox signs for its own calendar stand-in
// (apis/calendar-api.mjs).
//
// DEMO ONLY: who is connected is a fixed fixture, like the accounts in
// accounts.mjs.
import { CALENDAR_API } from './resources.mjs';

export const GOOGLE_CONNECTION = 'google-oauth2';

// connection -> what its access tokens are for: `audience` (the stand-in
// API), `scope` (the provider's scope string, as Google would grant it) and
// the lifetime in seconds.
export const CONNECTIONS = {
  [GOOGLE_CONNECTION]: {
    audience: CALENDAR_API,
    scope: 'https://www.googleapis.com/auth/calendar.freebusy',
    expiresIn: 600,
  },
};

// account id -> the connections the user has linked.
const CONNECTED_ACCOUNTS = new Map([
  ['alice', [GOOGLE_CONNECTION]],
  ['bob', []],
]);

/** Whether `accountId` has linked `connection`. */
export function isConnected(accountId, connection) {
  return (CONNECTED_ACCOUNTS.get(accountId) ?? []).includes(connection);
}
