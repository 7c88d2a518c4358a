// Persistent state of the approval channel: one record per CIBA request (the
// "approval"), and the event log that the SSE stream replays.
//
// Everything lives in one JSON file, DATA/approvals.json (json-file-store.mjs).
// One file, because an approval's new state and the event announcing it must
// never be stored apart: after a crash either both exist or neither does. The
// state is small (pending requests plus one day of history).
//
// Changes go through transact(), which runs them one at a time on a copy of
// the state, writes the copy, and only then makes it visible and publishes the
// new events. So a reader (GET /approvals, an SSE subscriber) never sees an
// event id that is not on disk yet: event ids are never reused, even after a
// crash. Readers and publication run in the same tick as the commit, so a
// client that lists (and learns `last_event_id`) and then subscribes from that
// id misses nothing and sees nothing twice.
import { JsonFileStore } from './json-file-store.mjs';

// Events, and approvals that are no longer pending, are kept this long.
export const RETENTION_MS = 24 * 60 * 60 * 1000;
const FORMAT_VERSION = 1;

function emptyState() {
  // lastEventId: the id of the newest event ever written (the global counter).
  // prunedThroughEventId: every event with an id up to this one is gone.
  return {
    version: FORMAT_VERSION, lastEventId: 0, prunedThroughEventId: 0, approvals: {}, events: [],
  };
}

/** When a record stopped being pending (ms), or undefined while pending. */
function finishedAt(record) {
  if (record.status === 'pending') return undefined;
  return record.decidedAt ?? record.expiresAt;
}

const iso = (ms) => new Date(ms).toISOString();

/** The approval object of the protocol (docs/approval-channel.md) for a stored record. */
export function publicApproval(record) {
  return {
    id: record.id,
    client_id: record.clientId,
    client_name: record.clientName,
    binding_message: record.bindingMessage,
    scope: record.scope,
    authorization_details: record.authorizationDetails,
    created_at: iso(record.createdAt),
    expires_at: iso(record.expiresAt),
    status: record.status,
    ...(record.decidedAt !== undefined ? { decided_at: iso(record.decidedAt) } : {}),
    ...(record.reason !== undefined ? { reason: record.reason } : {}),
  };
}

function prune(state, now) {
  const horizon = now - RETENTION_MS;
  while (state.events.length && state.events[0].at < horizon) {
    state.prunedThroughEventId = state.events.shift().id;
  }
  for (const [id, record] of Object.entries(state.approvals)) {
    const done = finishedAt(record);
    if (done !== undefined && done < horizon) delete state.approvals[id];
  }
}

export class ApprovalStore {
  #store;
  #listeners = new Set();

  constructor(store) {
    this.#store = store;
  }

  /**
   * Loads `file` (a missing file is an empty store). An unreadable file stops
   * the start: silently starting over would hand out event ids again.
   */
  static async open(file) {
    const store = new ApprovalStore(await JsonFileStore.open(file, {
      initial: emptyState,
      isValid: (state) => state?.version === FORMAT_VERSION && Number.isSafeInteger(state.lastEventId)
        && Array.isArray(state.events) && state.approvals && typeof state.approvals === 'object',
      what: `an approval store (version ${FORMAT_VERSION})`,
      reset: 'start the approval channel over',
    }));
    await store.transact(() => {}); // prune what aged out while we were down
    return store;
  }

  get #state() {
    return this.#store.state;
  }

  // ---- reads (committed state; treat the returned records as read-only) ----

  /** Id of the newest event ever written, as a decimal string ("0": none yet). */
  get lastEventId() {
    return String(this.#state.lastEventId);
  }

  get(id) {
    return Object.hasOwn(this.#state.approvals, id) ? this.#state.approvals[id] : undefined;
  }

  findByAuthReqId(authReqId) {
    return Object.values(this.#state.approvals).find((record) => record.authReqId === authReqId);
  }

  pending() {
    return Object.values(this.#state.approvals).filter((record) => record.status === 'pending');
  }

  /** The account's pending approvals and those finished in the last 24 h, newest first. */
  listFor(accountId, now = Date.now()) {
    return Object.values(this.#state.approvals)
      .filter((record) => record.accountId === accountId)
      .filter((record) => record.status === 'pending' || finishedAt(record) >= now - RETENTION_MS)
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  }

  /**
   * The account's events after `lastEventId`, or { resync: true } when they
   * cannot be told: the id is not a number we issued, is newer than anything
   * we have (the data directory was wiped), or older than the retained log.
   */
  eventsAfter(accountId, lastEventId) {
    const state = this.#state;
    const n = /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : NaN;
    if (!(n >= state.prunedThroughEventId && n <= state.lastEventId)) return { resync: true, events: [] };
    return { resync: false, events: state.events.filter((event) => event.id > n && event.accountId === accountId) };
  }

  /** listener({ id, type, accountId, at, approval }) for every committed event; returns an unsubscribe function. */
  subscribe(listener) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  // ---- writes ---------------------------------------------------------------

  /**
   * Runs `change(draft, emit)` on a copy of the state, persists it, then
   * publishes. `change` must be synchronous; `emit(type, record)` appends an
   * event carrying the record's approval object as it is at that moment.
   * Resolves with what `change` returned.
   */
  transact(change) {
    let events;
    return this.#store.transact((draft) => {
      events = [];
      const emit = (type, record) => {
        draft.lastEventId += 1;
        const event = {
          id: draft.lastEventId, type, accountId: record.accountId, at: Date.now(), approval: publicApproval(record),
        };
        draft.events.push(event);
        events.push(event);
      };
      const result = change(draft, emit);
      prune(draft, Date.now());
      return result;
    }, () => this.#publish(events));
  }

  // Committed: a failing listener (a broken stream) must not turn that into an error.
  #publish(events) {
    for (const event of events) {
      for (const listener of this.#listeners) {
        try { listener(event); } catch { /* the listener's own problem */ }
      }
    }
  }

  /** Waits for queued writes. */
  close() {
    return this.#store.close();
  }
}
