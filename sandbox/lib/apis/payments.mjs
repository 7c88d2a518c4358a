// The payments API's rules, free of HTTP: what a well-formed payment is, and
// whether the user's approval (a `payment_initiation` detail in the access
// token, RFC 9396 section 2) covers it. Routes: payments-api.mjs.
import { HttpError, requireObject } from '../http-api.mjs';
import { formatCents, moneyInCents } from '../rar.mjs';

const MAX_CREDITOR = 140; // as creditorName (rar.mjs)
const CURRENCY = /^[A-Za-z]{3}$/;
// What an error_description may hold (RFC 6749 section 5.2: no " or \).
const DESCRIBABLE = /^[\x20\x21\x23-\x5B\x5D-\x7E]{1,140}$/;

const invalid = (description) => new HttpError(400, 'invalid_request', description);

/**
 * `{"amount", "currency", "creditor"}` -> { cents (BigInt), currency
 * (uppercase), creditor (trimmed) }, or a 400 invalid_request naming the
 * field. `amount` is a positive decimal with at most 2 decimals, preferably a
 * string ("25.00"; a JSON number works too); `currency` 3 letters (any case);
 * `creditor` the payee's name, 1 to 140 characters after trimming. Other
 * members are ignored.
 */
export function parsePayment(body) {
  const { amount, currency, creditor } = requireObject(body);
  const cents = typeof amount === 'string' || typeof amount === 'number' ? moneyInCents(amount) : undefined;
  if (cents === undefined) {
    throw invalid('amount must be a positive decimal with at most 2 decimals, as a string such as 25.00');
  }
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) throw invalid('currency must be an ISO 4217 code (3 letters)');
  const name = typeof creditor === 'string' ? creditor.trim() : '';
  if (!name || name.length > MAX_CREDITOR) throw invalid(`creditor must be the payee's name, 1 to ${MAX_CREDITOR} characters`);
  return { cents, currency: currency.toUpperCase(), creditor: name };
}

// A creditor's name for an error description, if it can be said there.
const nameOf = (name) => (DESCRIBABLE.test(name) ? name : undefined);

/**
 * Why the approved `detail` does not cover `payment`, or undefined if it
 * does: the same creditorName (case-sensitive, after trimming), currency and
 * amount (as decimals: "25" = "25.00" = 25).
 */
export function mismatch(detail, payment) {
  const approvedName = typeof detail.creditorName === 'string' ? detail.creditorName.trim() : '';
  if (approvedName !== payment.creditor) {
    const [approved, asked] = [nameOf(approvedName), nameOf(payment.creditor)];
    return approved && asked
      ? `the approval is to pay ${approved}, this payment is to ${asked}`
      : 'the approval is for another creditor';
  }
  const instructed = detail.instructedAmount ?? {};
  if (instructed.currency !== payment.currency) {
    return `the approval is in ${CURRENCY.test(instructed.currency ?? '') ? instructed.currency : 'another currency'}, this payment is in ${payment.currency}`;
  }
  const approvedCents = moneyInCents(instructed.amount);
  if (approvedCents !== payment.cents) {
    const approved = approvedCents === undefined ? 'another amount' : `${formatCents(approvedCents)} ${payment.currency}`;
    return `the approval is for ${approved}, this payment is for ${formatCents(payment.cents)} ${payment.currency}`;
  }
  return undefined;
}

/**
 * Checks that the token's `authorization_details` hold a payment_initiation
 * covering `payment`; throws the 403 to answer with otherwise
 * (insufficient_authorization_details: none at all;
 * authorization_details_mismatch: none fits, described against the closest).
 */
export function checkPaymentAuthorized(authorizationDetails, payment) {
  const payments = (Array.isArray(authorizationDetails) ? authorizationDetails : [])
    .filter((detail) => detail?.type === 'payment_initiation');
  if (!payments.length) {
    throw new HttpError(
      403,
      'insufficient_authorization_details',
      'the access token carries no payment_initiation; the user has not approved a payment',
    );
  }
  const reasons = payments.map((detail) => mismatch(detail, payment));
  if (reasons.includes(undefined)) return;
  // With several approved payments, explain the one to the same creditor (if any).
  const closest = Math.max(0, payments.findIndex((detail) => String(detail.creditorName ?? '').trim() === payment.creditor));
  throw new HttpError(403, 'authorization_details_mismatch', reasons[closest]);
}
