// Federated connections: the sandbox's stand-in for Auth0 Token Vault. A user
// "connected" a third-party account (here only Google, as Auth0's
// `google-oauth2` connection) and the vault holds that provider's refresh
// token; an app exchanges the user's sandbox token for the provider's access
// token (token-exchange.mjs). Nothing talks to Google: the "provider's access
// token" is a JWT this sandbox signs for its own calendar stand-in
// (apis/calendar-api.mjs), and "connecting" (connect-pages.mjs, /connect/...)
// only records that the user said so.
//
// DEMO ONLY: who is connected is a list of account ids in
// DATA/connections.json (json-file-store.mjs), seeded with alice connected to
// google-oauth2 and bob not. No provider token is stored anywhere.
import { JsonFileStore } from './json-file-store.mjs';
import { CALENDAR_API } from './resources.mjs';

export const GOOGLE_CONNECTION = 'google-oauth2';

// connection -> what its access tokens are for: `audience` (the stand-in
// API), `scope` (the provider's scope string, as Google would grant it) and
// the lifetime in seconds; `provider` and `purpose` are what the /connect
// page says ("Link a Google account ... so apps can read your calendar").
export const CONNECTIONS = {
  [GOOGLE_CONNECTION]: {
    audience: CALENDAR_API,
    scope: 'https://www.googleapis.com/auth/calendar.freebusy',
    expiresIn: 600,
    provider: 'Google',
    purpose: 'read your calendar',
  },
};

/** Whether `connection` names a connection this sandbox has. */
export function isKnownConnection(connection) {
  return Object.hasOwn(CONNECTIONS, connection);
}

const FORMAT_VERSION = 1;

// The state on first start (DEMO ONLY fixture): alice has linked Google, bob
// has not, so the "connect your account" path can be tried with bob.
const seed = () => ({
  version: FORMAT_VERSION,
  accounts: { alice: [GOOGLE_CONNECTION], bob: [] },
});

/**
 * Who has linked which connection, in DATA/connections.json:
 * {"version": 1, "accounts": {accountId: [connection, ...]}}. Changes are
 * written before they are visible (json-file-store.mjs), so a connection
 * reported as made survives a crash or restart.
 */
export class ConnectionStore {
  #store;

  constructor(store) {
    this.#store = store;
  }

  static async open(file) {
    return new ConnectionStore(await JsonFileStore.open(file, {
      initial: seed,
      isValid: (state) => state?.version === FORMAT_VERSION
        && typeof state.accounts === 'object' && state.accounts !== null && !Array.isArray(state.accounts)
        && Object.values(state.accounts).every((list) => Array.isArray(list)),
      what: `a connected accounts store (version ${FORMAT_VERSION})`,
      reset: 'go back to the seed (alice connected to google-oauth2, bob not)',
    }));
  }

  /** Whether `accountId` has linked `connection`. */
  isConnected(accountId, connection) {
    return Object.hasOwn(this.#store.state.accounts, accountId)
      && this.#store.state.accounts[accountId].includes(connection);
  }

  /**
   * Links (`connected` true) or unlinks `connection` for `accountId`.
   * Resolves with whether anything changed; idempotent.
   */
  set(accountId, connection, connected) {
    return this.#store.transact((draft) => {
      const list = Object.hasOwn(draft.accounts, accountId) ? draft.accounts[accountId] : [];
      const had = list.includes(connection);
      if (had === connected) return false;
      draft.accounts[accountId] = connected ? [...list, connection] : list.filter((c) => c !== connection);
      return true;
    });
  }

  close() {
    return this.#store.close();
  }
}
