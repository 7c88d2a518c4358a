// A small state object kept in one JSON file under --data, rewritten
// atomically (atomic-file.mjs) on every change: the approval channel's
// records (approvals-store.mjs), the stock API's orders (apis/stock-api.mjs)
// and the OpenFGA stand-in's tuples (apis/fga.mjs).
//
// Changes go through transact(), which runs them one at a time on a copy of
// the state, writes the copy, and only then makes it visible. So a reader
// never sees anything that is not on disk yet, and a failed write changes
// nothing. The states are small, so rewriting a file whole costs about a
// millisecond.
import { readFile } from 'node:fs/promises';

import { writeFileAtomic } from './atomic-file.mjs';

export class JsonFileStore {
  #file;
  #state;
  #queue = Promise.resolve();

  constructor(file, state) {
    this.#file = file;
    this.#state = state;
  }

  /**
   * Loads `file`; a missing file starts as `initial()`. An unreadable file,
   * or one that `isValid` refuses, stops the start rather than being silently
   * replaced: the messages say what it should be (`what`, e.g. "an approval
   * store (version 1)") and that deleting it would `reset` (e.g. "start the
   * approval channel over").
   */
  static async open(file, {
    initial, isValid, what, reset,
  }) {
    let state;
    try {
      state = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      if (err.code !== 'ENOENT') throw new Error(`cannot read ${file} (${err.message}); delete it to ${reset}`);
      state = initial();
    }
    if (!isValid(state)) throw new Error(`${file} is not ${what}; delete it to ${reset}`);
    return new JsonFileStore(file, state);
  }

  /** The committed state. Treat it as read-only: change it through transact(). */
  get state() {
    return this.#state;
  }

  /**
   * Runs `change(draft)` (synchronous) on a copy of the state, persists the
   * copy, makes it the state, then calls `committed(result)` in that same
   * tick, so whatever it publishes is exactly what readers now see. Resolves
   * with what `change` returned; if `change` throws, nothing is written.
   */
  transact(change, committed = () => {}) {
    const run = async () => {
      const draft = structuredClone(this.#state);
      const result = change(draft);
      await writeFileAtomic(this.#file, JSON.stringify(draft));
      this.#state = draft;
      committed(result);
      return result;
    };
    const done = this.#queue.then(run, run);
    this.#queue = done.catch(() => {});
    return done;
  }

  /** Waits for queued writes. */
  async close() {
    await this.#queue;
  }
}
