// The stock API's orders, and the access tokens already spent on one, in
// DATA/stock-orders.json (json-file-store.mjs): {"version", "orders": [...]
// oldest first, "usedTokens": {jti: exp}}. A token's jti is kept until the
// token expires; after that the token is refused anyway.
import { JsonFileStore } from '../json-file-store.mjs';

const FORMAT_VERSION = 1;

const epochNow = () => Math.floor(Date.now() / 1000);

export class OrderStore {
  #store;

  constructor(store) {
    this.#store = store;
  }

  static async open(file) {
    return new OrderStore(await JsonFileStore.open(file, {
      initial: () => ({ version: FORMAT_VERSION, orders: [], usedTokens: {} }),
      isValid: (state) => state?.version === FORMAT_VERSION && Array.isArray(state.orders)
        && typeof state.usedTokens === 'object' && state.usedTokens !== null,
      what: `a stock order store (version ${FORMAT_VERSION})`,
      reset: 'forget every order',
    }));
  }

  /** The account's orders, newest first. */
  listFor(accountId) {
    return this.#store.state.orders.filter((order) => order.account === accountId).reverse();
  }

  /**
   * Records `order`, spending the token (`jti`, valid until `exp`, epoch
   * seconds) on it. Resolves with { placed: true } or, when the token was
   * already spent, { placed: false } (nothing recorded). Both happen in one
   * transaction, so two orders with one token cannot both be placed.
   */
  place(order, { jti, exp }) {
    return this.#store.transact((draft) => {
      const now = epochNow();
      for (const [used, until] of Object.entries(draft.usedTokens)) if (until < now) delete draft.usedTokens[used];
      if (Object.hasOwn(draft.usedTokens, jti)) return { placed: false };
      draft.usedTokens[jti] = exp;
      draft.orders.push(order);
      return { placed: true };
    });
  }

  close() {
    return this.#store.close();
  }
}
