// The approval channel's behaviour: it turns every stored CIBA request into an
// approval, applies the user's decision to oidc-provider (which is what the
// agent's poll then sees), expires what nobody decided, and keeps the
// per-request poll interval. HTTP lives in approvals-api.mjs, storage in
// approvals-store.mjs.
import { randomBytes } from 'node:crypto';

import { errors } from 'oidc-provider';

import { saveRequestedGrant } from './grants.mjs';
import { recordPoll } from './polling.mjs';
import { approvedDetails } from './rar.mjs';
import { serialQueue } from './serial-queue.mjs';

const DEFAULT_DENY_REASON = 'The user denied the request.';

const epochNow = () => Math.floor(Date.now() / 1000);

export class ApprovalChannel {
  #store;
  #provider;
  #interval;
  #log;
  #timers = new Map(); // approval id -> expiry timer
  // Decisions and expiries take this lock, so an approval moves from pending
  // to exactly one final state even when the user's click and the expiry
  // timer arrive together.
  #exclusive = serialQueue();

  /**
   * @param {object} o
   * @param {ApprovalStore} o.store
   * @param {number} o.interval  initial CIBA poll interval, seconds
   */
  constructor({ store, interval, log = () => {} }) {
    this.#store = store;
    this.#interval = interval;
    this.#log = log;
  }

  /** Connects the oidc-provider instance (created after the channel: its hooks call us). */
  attach(provider) {
    this.#provider = provider;
  }

  /**
   * Arms an expiry timer for every pending approval. Those that expired while
   * the sandbox was down are expired right away, so their approval.expired
   * events exist before the first client connects.
   */
  async start() {
    for (const record of this.#store.pending()) await this.#armExpiry(record);
  }

  stop() {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  get store() {
    return this.#store;
  }

  /**
   * features.ciba.triggerAuthenticationDevice: called once oidc-provider has
   * stored the request, before it answers the agent. Creates the approval and
   * publishes approval.created.
   */
  async register(request, client) {
    // `exp` is only set on the stored payload (FACTS), so read it back.
    const stored = await this.#provider.BackchannelAuthenticationRequest.find(request.jti, { ignoreExpiration: true });
    const record = {
      id: randomBytes(16).toString('base64url'),
      authReqId: request.jti,
      accountId: request.accountId,
      clientId: client.clientId,
      clientName: client.clientName || client.clientId,
      bindingMessage: request.params.binding_message,
      scope: request.scope ?? '',
      authorizationDetails: approvedDetails(request.params.authorization_details),
      createdAt: Date.now(),
      expiresAt: stored.exp * 1000,
      status: 'pending',
      interval: this.#interval,
      lastPollAt: null,
    };
    await this.#store.transact((draft, emit) => {
      draft.approvals[record.id] = record;
      emit('approval.created', record);
    });
    this.#log(`approval ${record.id}: ${record.clientId} asks ${record.accountId}`); // no auth_req_id: it is a credential
    await this.#armExpiry(record);
  }

  /** The poll interval to announce for a new request. */
  intervalFor(authReqId) {
    return this.#store.findByAuthReqId(authReqId)?.interval ?? this.#interval;
  }

  /**
   * Called for every poll oidc-provider answered with authorization_pending
   * (polling.mjs has the rule; the grown interval is stored with the
   * approval, so it survives a restart). Resolves with { slowDown, interval }
   * or undefined for unknown requests.
   */
  async recordPoll(authReqId) {
    const record = this.#store.findByAuthReqId(authReqId);
    if (!record) return undefined;
    return this.#store.transact((draft) => {
      const current = draft.approvals[record.id];
      const state = { interval: current.interval, lastPollAt: current.lastPollAt ?? current.createdAt };
      const poll = recordPoll(state, Date.now());
      Object.assign(current, state);
      return poll;
    });
  }

  /**
   * Applies `decision` ("approve" | "deny") for `accountId`. Resolves with
   * { outcome, record } where outcome is one of decided, unchanged (the same
   * decision again), conflict, expired, not_found.
   */
  decide(accountId, id, { decision, reason: given }) {
    const reason = given || undefined; // an empty reason is no reason
    return this.#exclusive(async () => {
      let record = this.#store.get(id);
      // Another user's request answers exactly like a missing one.
      if (!record || record.accountId !== accountId) return { outcome: 'not_found' };
      if (record.status === 'pending' && Date.now() >= record.expiresAt) record = await this.#expireNow(id);
      if (record.status === 'expired') return { outcome: 'expired', record };
      const status = decision === 'approve' ? 'approved' : 'denied';
      if (record.status !== 'pending') return { outcome: record.status === status ? 'unchanged' : 'conflict', record };

      const request = await this.#provider.BackchannelAuthenticationRequest.find(record.authReqId, { ignoreExpiration: true });
      if (!request || request.isExpired) return { outcome: 'expired', record: await this.#expireNow(id) };

      if (status === 'approved') await this.#approve(request, record);
      else await this.#deny(request, reason ?? DEFAULT_DENY_REASON);

      clearTimeout(this.#timers.get(id));
      this.#timers.delete(id);
      const decided = await this.#store.transact((draft, emit) => {
        const current = draft.approvals[id];
        Object.assign(current, { status, decidedAt: Date.now() }, reason !== undefined ? { reason } : {});
        emit('approval.decided', current);
        return current;
      });
      this.#log(`approval ${id}: ${status} by ${accountId}`);
      return { outcome: 'decided', record: decided };
    });
  }

  // Grants exactly what was asked (grants.mjs): the user saw record.scope and
  // the normalised record.authorizationDetails.
  async #approve(request, record) {
    const grant = await saveRequestedGrant(this.#provider, {
      accountId: request.accountId,
      clientId: request.clientId,
      scope: record.scope,
      resource: request.resource,
      authorizationDetails: record.authorizationDetails,
    });
    // Without { rar } oidc-provider drops the details from the tokens (FACTS).
    const rar = record.authorizationDetails.length ? record.authorizationDetails : undefined;
    await this.#deliver(request, () => this.#provider.backchannelResult(request, grant, { authTime: epochNow(), rar }));
  }

  async #deny(request, description) {
    // backchannelResult copies only `error_description`, which the model does
    // not store; `errorDescription` is what the agent's poll reports.
    request.errorDescription = description;
    await this.#deliver(request, () => this.#provider.backchannelResult(request, new errors.AccessDenied(description)));
  }

  // backchannelResult stores the result, then (ping clients) notifies the
  // agent. A failed ping must not undo a stored decision: the agent can still
  // poll. Anything that failed before the result was stored is rethrown.
  async #deliver(request, apply) {
    try {
      await apply();
    } catch (err) {
      const stored = await this.#provider.BackchannelAuthenticationRequest.find(request.jti, { ignoreExpiration: true });
      if (!stored?.grantId && !stored?.error) throw err;
      this.#log(`CIBA ping to ${request.clientId} failed: ${err.message}`);
    }
  }

  async #armExpiry(record) {
    const delay = record.expiresAt - Date.now();
    if (delay <= 0) {
      await this.#exclusive(() => this.#expireNow(record.id));
      return;
    }
    const timer = setTimeout(() => {
      this.#timers.delete(record.id);
      // Timers may fire a millisecond early; re-arm rather than expire early.
      const current = this.#store.get(record.id);
      if (current?.status !== 'pending') return;
      this.#armExpiry(current).catch((err) => this.#log(`expiring approval ${record.id} failed: ${err.stack ?? err}`));
    }, delay);
    timer.unref();
    this.#timers.set(record.id, timer);
  }

  // Caller holds the lock. Returns the record (expired, or already final).
  async #expireNow(id) {
    const record = this.#store.get(id);
    if (record?.status !== 'pending') return record;
    const expired = await this.#store.transact((draft, emit) => {
      const current = draft.approvals[id];
      current.status = 'expired';
      emit('approval.expired', current);
      return current;
    });
    this.#log(`approval ${id}: expired`);
    return expired;
  }
}
