// The approver side of the device flow: looking up a device code by its
// user code and deciding it for the signed-in user, straight on
// oidc-provider's DeviceCode records (no page involved). The device's next
// poll of the token endpoint then gets tokens or access_denied. HTTP lives in
// device-api.mjs; the protocol is docs/approval-channel.md, "Device codes".
//
// Whoever holds a user code may approve it: that is the device flow. The
// approver becomes the subject of the device's tokens.
import { formatUserCode, normalizeUserCode } from './device-flow.mjs';
import { saveRequestedGrant } from './grants.mjs';
import { approvedDetails } from './rar.mjs';
import { keyedSerialQueue } from './serial-queue.mjs';

const DENY_DESCRIPTION = 'The user denied the request.';

const epochNow = () => Math.floor(Date.now() / 1000);
const iso = (epochSeconds) => new Date(epochSeconds * 1000).toISOString();

// The one resource a device code targets (target.mjs allows no more), or null.
const resourceOf = (code) => [code.params.resource ?? []].flat()[0] ?? null;

// A decision never changes, and a decided code stays decided after its
// expiry or after its tokens were issued. `error` is also set by the
// /activate pages (Cancel, Deny, or a failure there).
function statusOf(code) {
  if (code.error) return 'denied';
  if (code.accountId) return 'approved';
  if (code.isExpired) return 'expired';
  return 'pending';
}

export class DeviceCodes {
  #provider;
  #log;
  // Per user code: two decisions on the same code cannot both find it pending.
  #exclusive = keyedSerialQueue();

  constructor({ log = () => {} } = {}) {
    this.#log = log;
  }

  /** Connects the oidc-provider instance. */
  attach(provider) {
    this.#provider = provider;
  }

  /** The device object (protocol) for a user code as typed, or undefined. */
  async lookup(userCode) {
    const normalized = normalizeUserCode(userCode);
    const code = normalized && await this.#find(normalized);
    return code ? this.#view(code) : undefined;
  }

  /**
   * Applies `decision` ("approve" | "deny") by `accountId` to the code.
   * Resolves with { outcome, device } where outcome is one of decided,
   * unchanged (the same decision again), conflict, expired, not_found.
   */
  async decide(accountId, userCode, decision) {
    const normalized = normalizeUserCode(userCode);
    if (!normalized) return { outcome: 'not_found' };
    return this.#exclusive(normalized, async () => {
      const code = await this.#find(normalized);
      if (!code) return { outcome: 'not_found' };
      const status = statusOf(code);
      const wanted = decision === 'approve' ? 'approved' : 'denied';
      if (status === 'expired') return { outcome: 'expired', device: await this.#view(code) };
      if (status !== 'pending') return { outcome: status === wanted ? 'unchanged' : 'conflict', device: await this.#view(code) };

      if (decision === 'approve') await this.#approve(code, accountId);
      else Object.assign(code, { error: 'access_denied', errorDescription: DENY_DESCRIPTION });
      await code.save();
      // The user code is short-lived but a credential of sorts: not logged.
      this.#log(`device code of ${code.clientId}: ${wanted} by ${accountId}`);
      return { outcome: 'decided', device: await this.#view(code) };
    });
  }

  // What the approver saw is what the device gets. These are the fields
  // oidc-provider's own device pages set on approval (9.13); the token
  // endpoint reads them back.
  async #approve(code, accountId) {
    const resource = resourceOf(code);
    const details = approvedDetails(code.params.authorization_details);
    const grant = await saveRequestedGrant(this.#provider, {
      accountId,
      clientId: code.clientId,
      scope: code.params.scope,
      resource,
      authorizationDetails: details,
    });
    Object.assign(code, {
      accountId,
      grantId: grant.jti,
      authTime: epochNow(),
      scope: code.params.scope,
      resource: resource ?? undefined,
      // Without rar the tokens carry no authorization_details.
      rar: details.length ? details : undefined,
    });
  }

  // Expired codes too: they answer "expired", not "unknown".
  #find(normalized) {
    return this.#provider.DeviceCode.findByUserCode(normalized, { ignoreExpiration: true });
  }

  async #view(code) {
    const client = await this.#provider.Client.find(code.clientId);
    return {
      user_code: formatUserCode(code.userCode),
      client_id: code.clientId,
      client_name: client?.clientName || code.clientId,
      scope: code.params.scope ?? '',
      resource: resourceOf(code),
      authorization_details: approvedDetails(code.params.authorization_details),
      created_at: iso(code.iat),
      expires_at: iso(code.exp),
      status: statusOf(code),
    };
  }
}
