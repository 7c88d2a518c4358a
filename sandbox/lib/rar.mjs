// Rich Authorization Requests (RFC 9396): the two authorization details types
// the demo agents may send, their validation, and oidc-provider's
// `features.richAuthorizationRequests` configuration.
//
// Validation is strict on purpose: the approver sees these objects verbatim in
// the desktop app, so anything the app would have to guess about (unknown
// fields, ambiguous amounts) is refused up front with an error that names the
// offending field.
import { errors } from 'oidc-provider';

import { PAYMENTS_API, STOCK_API } from './resources.mjs';

const { InvalidAuthorizationDetails } = errors;

export const TICKER = /^[A-Z][A-Z0-9.]{0,9}$/;
const CURRENCY = /^[A-Z]{3}$/; // ISO 4217 alphabetic code (shape only)
const DECIMAL_STRING = /^(0|[1-9]\d{0,14})(\.\d{1,2})?$/;
const MAX_QTY = 1_000_000;

const fail = (message) => { throw new InvalidAuthorizationDetails(message); };

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknownFields(object, allowed, where) {
  for (const key of Object.keys(object)) {
    // Named only if harmless: an OAuth error_description may hold no double quote or backslash.
    const name = /^[A-Za-z0-9_.-]{1,64}$/.test(key) ? key : '(with unusual characters)';
    if (!allowed.includes(key)) fail(`${where}: unknown field ${name}`);
  }
}

// A positive amount with at most two decimals. Numbers are checked through
// their shortest decimal representation (String(0.1) is "0.1"), so 10.005 and
// 1e-7 are refused rather than rounded.
export function isMoney(value) {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0 && DECIMAL_STRING.test(String(value));
  }
  return typeof value === 'string' && DECIMAL_STRING.test(value) && Number(value) > 0;
}

/**
 * An amount that isMoney accepts -> its value in hundredths as a BigInt
 * (exact: "25", "25.0", "25.00" and 25 all give 2500n), else undefined.
 */
export function moneyInCents(value) {
  if (!isMoney(value)) return undefined;
  const [whole, fraction = ''] = String(value).split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** Hundredths (moneyInCents) -> the amount with two decimals: 2500n -> "25.00". */
export function formatCents(cents) {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

function checkCurrency(value, field) {
  if (typeof value !== 'string' || !CURRENCY.test(value)) {
    fail(`${field} must be an ISO 4217 currency code (3 uppercase letters)`);
  }
}

function checkText(value, field, { min, max }) {
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    fail(`${field} must be a string of ${min} to ${max} characters`);
  }
}

/** IBAN in electronic form (no spaces, uppercase), or undefined if invalid (ISO 13616 mod-97). */
export function normalizeIban(value) {
  if (typeof value !== 'string') return undefined;
  const iban = value.replace(/ /g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return undefined;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55); // A=10 ... Z=35
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1 ? iban : undefined;
}

function validateTrade(detail) {
  const where = 'trade_authorization';
  rejectUnknownFields(detail, ['type', 'action', 'ticker', 'qty', 'limit_price', 'currency'], where);
  if (detail.action !== 'buy' && detail.action !== 'sell') fail(`${where}.action must be buy or sell`);
  if (typeof detail.ticker !== 'string' || !TICKER.test(detail.ticker)) {
    fail(`${where}.ticker must be 1 to 10 uppercase letters, digits or dots, starting with a letter`);
  }
  if (!Number.isInteger(detail.qty) || detail.qty < 1 || detail.qty > MAX_QTY) {
    fail(`${where}.qty must be a positive integer of at most ${MAX_QTY}`);
  }
  if ('limit_price' in detail && (typeof detail.limit_price !== 'number' || !isMoney(detail.limit_price))) {
    fail(`${where}.limit_price must be a positive number with at most 2 decimals`);
  }
  if ('currency' in detail) checkCurrency(detail.currency, `${where}.currency`);
}

// RFC 9396 section 2's payment: instructedAmount and creditorName required;
// creditorAccount (an IBAN), remittanceInformation and its RFC 9396 example
// spelling remittanceInformationUnstructured optional.
const REMITTANCE_FIELDS = ['remittanceInformation', 'remittanceInformationUnstructured'];

function validatePayment(detail) {
  const where = 'payment_initiation';
  rejectUnknownFields(detail, ['type', 'instructedAmount', 'creditorName', 'creditorAccount', ...REMITTANCE_FIELDS], where);

  const amount = detail.instructedAmount;
  if (!isPlainObject(amount)) fail(`${where}.instructedAmount must be an object with amount and currency`);
  rejectUnknownFields(amount, ['amount', 'currency'], `${where}.instructedAmount`);
  if (!isMoney(amount.amount)) {
    fail(`${where}.instructedAmount.amount must be a positive decimal (string or number) with at most 2 decimals`);
  }
  checkCurrency(amount.currency, `${where}.instructedAmount.currency`);

  checkText(detail.creditorName, `${where}.creditorName`, { min: 1, max: 140 });
  // A name of nothing but spaces would read as a complete payment with no payee.
  if (!detail.creditorName.trim()) fail(`${where}.creditorName must not be blank`);

  if ('creditorAccount' in detail) {
    const account = detail.creditorAccount;
    if (!isPlainObject(account)) fail(`${where}.creditorAccount must be an object with an iban`);
    rejectUnknownFields(account, ['iban'], `${where}.creditorAccount`);
    if (!normalizeIban(account.iban)) fail(`${where}.creditorAccount.iban is not a valid IBAN`);
  }

  for (const field of REMITTANCE_FIELDS) {
    if (field in detail) checkText(detail[field], `${where}.${field}`, { min: 0, max: 140 });
  }
}

// type -> { validate, resource, oneTime }: the API each type of detail is
// meant for. A CIBA request with details targets that API (ciba.mjs derives
// the default resource from it and refuses a request whose resource
// disagrees). `oneTime`: approving the detail allows one action (one order,
// one payment), so nothing that carries it may be renewed (one-time.mjs).
export const RAR_TYPES = {
  trade_authorization: { validate: validateTrade, resource: STOCK_API, oneTime: true },
  payment_initiation: { validate: validatePayment, resource: PAYMENTS_API, oneTime: true },
};

/** The resource a detail type belongs to. */
export function resourceForDetailType(type) {
  return RAR_TYPES[type]?.resource;
}

/** Whether `details` (an array, or nothing) hold a detail whose approval allows one action. */
export function carriesOneTimeDetails(details) {
  return Array.isArray(details) && details.some((detail) => RAR_TYPES[detail?.type]?.oneTime === true);
}

/**
 * The details as they are shown and granted: parsed from the request's JSON
 * parameter (already validated by oidc-provider's checkRar), IBANs in
 * electronic form. Always an array.
 */
export function approvedDetails(authorizationDetailsParam) {
  if (!authorizationDetailsParam) return [];
  const details = JSON.parse(authorizationDetailsParam);
  return details.map((detail) => {
    if (detail.type !== 'payment_initiation' || detail.creditorAccount === undefined) return detail;
    return { ...detail, creditorAccount: { iban: normalizeIban(detail.creditorAccount.iban) } };
  });
}

/** features.richAuthorizationRequests for oidc-provider 9.13. */
export const richAuthorizationRequests = {
  enabled: true,
  types: Object.fromEntries(Object.entries(RAR_TYPES).map(([type, { validate }]) => [
    type, { validate: (_ctx, detail) => validate(detail) },
  ])),
  // A device code approved on the /activate pages carries the details its
  // request asked for, as the consent page showed and granted them
  // (interactions.mjs); not the grant's whole list, which also holds what
  // earlier requests through the same browser session approved. (The desktop
  // client may send no details; CIBA requests and device codes approved
  // through the app get theirs set directly.)
  authorizationDetailsForGrantSource: (ctx) => approvedDetails(ctx.oidc.params.authorization_details),
  // Access tokens (and the token response) carry the approved details of the
  // grant source: the CIBA request, the device code, or the refresh token
  // derived from either.
  authorizationDetailsForAccessToken: (_ctx, token, source) => source?.rar ?? token.rar,
  authorizationDetailsForIntrospection: (_ctx, token) => token.rar,
};
