// What the demo APIs that act once per approval keep: their records, and the
// access tokens and grants already spent on one, in a JSON file
// (json-file-store.mjs):
//
//   DATA/stock-orders.json   {"version", "orders": [...] oldest first, "usedTokens": {jti: exp},
//                             "usedGrants": {grant_hash: until}}                            (OrderStore)
//   DATA/payments.json       the same with "payments"                                        (PaymentStore)
//
// A token's jti is kept until the token expires; after that the token is
// refused anyway. A grant (the `grant_hash` claim, one-time.mjs) is kept for
// as long as the grant could still yield tokens: a grant's lifetime past the
// spending token's expiry. ("usedGrants" may be missing in a file written
// before it existed.)
import { GRANT_TTL_SECONDS } from '../grants.mjs';
import { JsonFileStore } from '../json-file-store.mjs';

const FORMAT_VERSION = 1;

const epochNow = () => Math.floor(Date.now() / 1000);
const isMap = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The grant a token spends (its grant_hash claim, one-time.mjs), or undefined for a token without one. */
export function grantOf(claims) {
  return typeof claims.grant_hash === 'string' && claims.grant_hash ? claims.grant_hash : undefined;
}

/** Records (under `key` in the file) of which each access token, and each grant, places at most one. */
class SpendOnceStore {
  #store;

  #key;

  constructor(store, key) {
    this.#store = store;
    this.#key = key;
  }

  static async open(file, { key, what, reset }) {
    return new this(await JsonFileStore.open(file, {
      initial: () => ({
        version: FORMAT_VERSION, [key]: [], usedTokens: {}, usedGrants: {},
      }),
      isValid: (state) => state?.version === FORMAT_VERSION && Array.isArray(state[key])
        && isMap(state.usedTokens) && (state.usedGrants === undefined || isMap(state.usedGrants)),
      what: `${what} (version ${FORMAT_VERSION})`,
      reset,
    }), key);
  }

  /** The account's records, newest first. */
  listFor(accountId) {
    return this.#store.state[this.#key].filter((record) => record.account === accountId).reverse();
  }

  /**
   * Records `record`, spending the token (`jti`, valid until `exp`, epoch
   * seconds) and its grant (`grant`, the grant_hash claim, if any) on it.
   * Resolves with { placed: true } or, when the token or the grant was
   * already spent, { placed: false } (nothing recorded). All happens in one
   * transaction, so two records with one token or one grant cannot both be
   * placed.
   */
  place(record, { jti, exp, grant }) {
    return this.#store.transact((draft) => {
      const now = epochNow();
      draft.usedGrants ??= {};
      for (const used of [draft.usedTokens, draft.usedGrants]) {
        for (const [spent, until] of Object.entries(used)) if (until < now) delete used[spent];
      }
      if (Object.hasOwn(draft.usedTokens, jti)) return { placed: false };
      if (grant !== undefined && Object.hasOwn(draft.usedGrants, grant)) return { placed: false };
      draft.usedTokens[jti] = exp;
      if (grant !== undefined) draft.usedGrants[grant] = exp + GRANT_TTL_SECONDS;
      draft[this.#key].push(record);
      return { placed: true };
    });
  }

  close() {
    return this.#store.close();
  }
}

/** The stock API's orders (stock-api.mjs). */
export class OrderStore extends SpendOnceStore {
  static open(file) {
    return super.open(file, { key: 'orders', what: 'a stock order store', reset: 'forget every order' });
  }
}

/** The payments API's payments (payments-api.mjs). */
export class PaymentStore extends SpendOnceStore {
  static open(file) {
    return super.open(file, { key: 'payments', what: 'a payment store', reset: 'forget every payment' });
  }
}
