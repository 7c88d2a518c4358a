// What the demo APIs that act once per approval keep: their records, and the
// access tokens already spent on one, in a JSON file (json-file-store.mjs):
//
//   DATA/stock-orders.json   {"version", "orders": [...] oldest first, "usedTokens": {jti: exp}}   (OrderStore)
//   DATA/payments.json       {"version", "payments": [...] oldest first, "usedTokens": {jti: exp}} (PaymentStore)
//
// A token's jti is kept until the token expires; after that the token is
// refused anyway.
import { JsonFileStore } from '../json-file-store.mjs';

const FORMAT_VERSION = 1;

const epochNow = () => Math.floor(Date.now() / 1000);

/** Records (under `key` in the file) of which each access token places at most one. */
class SpendOnceStore {
  #store;

  #key;

  constructor(store, key) {
    this.#store = store;
    this.#key = key;
  }

  static async open(file, { key, what, reset }) {
    return new this(await JsonFileStore.open(file, {
      initial: () => ({ version: FORMAT_VERSION, [key]: [], usedTokens: {} }),
      isValid: (state) => state?.version === FORMAT_VERSION && Array.isArray(state[key])
        && typeof state.usedTokens === 'object' && state.usedTokens !== null,
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
   * seconds) on it. Resolves with { placed: true } or, when the token was
   * already spent, { placed: false } (nothing recorded). Both happen in one
   * transaction, so two records with one token cannot both be placed.
   */
  place(record, { jti, exp }) {
    return this.#store.transact((draft) => {
      const now = epochNow();
      for (const [used, until] of Object.entries(draft.usedTokens)) if (until < now) delete draft.usedTokens[used];
      if (Object.hasOwn(draft.usedTokens, jti)) return { placed: false };
      draft.usedTokens[jti] = exp;
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
