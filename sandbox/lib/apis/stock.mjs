// The stock API's rules, free of HTTP: the quotes, what a well-formed order
// is, and whether the user's approval (a `trade_authorization` detail in the
// access token, RFC 9396) covers an order. Routes: stock-api.mjs.
import { HttpError, requireObject } from '../http-api.mjs';
import { isMoney, TICKER } from '../rar.mjs';

// DEMO ONLY: fixed demo prices, not market data. They never move, so an
// approval's limit price decides deterministically whether an order fills.
export const QUOTES = [
  { ticker: 'ACME', price: 12.34, currency: 'USD' },
  { ticker: 'GLOBEX', price: 56.78, currency: 'USD' },
  { ticker: 'INITECH', price: 9.10, currency: 'USD' },
  { ticker: 'UMBRELLA', price: 123.45, currency: 'USD' },
];

const MAX_QTY = 1_000_000; // as for trade_authorization (rar.mjs)

// Money in whole cents, so that comparisons and totals are exact.
const cents = (amount) => Math.round(amount * 100);

/** The quote of `ticker` (any case), or undefined. */
export function findQuote(ticker) {
  const wanted = String(ticker).toUpperCase();
  return QUOTES.find((quote) => quote.ticker === wanted);
}

const invalid = (description) => new HttpError(400, 'invalid_request', description);

/**
 * `{"action", "ticker", "qty", "limit_price"?}` -> { action, ticker
 * (uppercase), qty, limitPrice? }, or a 400 invalid_request naming the
 * field. Other members are ignored.
 */
export function parseOrder(body) {
  const { action, ticker, qty } = requireObject(body);
  if (action !== 'buy' && action !== 'sell') throw invalid('action must be "buy" or "sell"');
  if (typeof ticker !== 'string' || !TICKER.test(ticker.toUpperCase())) {
    throw invalid('ticker must be 1 to 10 letters, digits or dots, starting with a letter');
  }
  if (!Number.isInteger(qty) || qty < 1 || qty > MAX_QTY) throw invalid(`qty must be a positive integer of at most ${MAX_QTY}`);
  const limit = body.limit_price;
  if (limit !== undefined && (typeof limit !== 'number' || !isMoney(limit))) {
    throw invalid('limit_price must be a positive number with at most 2 decimals');
  }
  return {
    action, ticker: ticker.toUpperCase(), qty, limitPrice: limit,
  };
}

// Whether a fill at `price` respects a limit: a buy at most, a sell at least.
const withinLimit = (action, price, limit) => (action === 'buy' ? cents(price) <= cents(limit) : cents(price) >= cents(limit));
const limitWord = (action) => (action === 'buy' ? 'above' : 'below');

/**
 * Why the approved `detail` does not cover `order` filled at `quote`, or
 * undefined if it does: same action, ticker and quantity; the detail's
 * currency (if any) is the quote's; the detail's limit price (if any) equals
 * the order's (if it gives one) and the fill price keeps within it.
 */
export function mismatch(detail, order, quote) {
  const approved = String(detail.ticker ?? '').toUpperCase();
  if (detail.action !== order.action) return `the approval is to ${detail.action} ${approved}, this order is to ${order.action}`;
  if (approved !== order.ticker) return `the approval is for ${approved}, this order is for ${order.ticker}`;
  if (detail.qty !== order.qty) return `the approval is for ${detail.qty} ${approved}, this order is for ${order.qty}`;
  if (detail.currency !== undefined && detail.currency !== quote.currency) {
    return `the approval is in ${detail.currency}, ${quote.ticker} trades in ${quote.currency}`;
  }
  if (detail.limit_price !== undefined) {
    if (order.limitPrice !== undefined && cents(order.limitPrice) !== cents(detail.limit_price)) {
      return `the approval has a limit price of ${detail.limit_price}, this order has ${order.limitPrice}`;
    }
    if (!withinLimit(order.action, quote.price, detail.limit_price)) {
      return `${quote.ticker} is at ${quote.price} ${quote.currency}, ${limitWord(order.action)} the approved limit of ${detail.limit_price}`;
    }
  }
  return undefined;
}

/**
 * Checks that the token's `authorization_details` hold a trade_authorization
 * covering `order`; throws the 403 to answer with otherwise
 * (insufficient_authorization_details: none at all;
 * authorization_details_mismatch: none fits, described against the closest).
 * Then checks the order's own limit price (422 limit_not_met).
 */
export function checkOrderAuthorized(authorizationDetails, order, quote) {
  const trades = (Array.isArray(authorizationDetails) ? authorizationDetails : [])
    .filter((detail) => detail?.type === 'trade_authorization');
  if (!trades.length) {
    throw new HttpError(
      403,
      'insufficient_authorization_details',
      'the access token carries no trade_authorization; the user has not approved a trade',
    );
  }
  const reasons = trades.map((detail) => mismatch(detail, order, quote));
  if (reasons.includes(undefined)) {
    if (order.limitPrice !== undefined && !withinLimit(order.action, quote.price, order.limitPrice)) {
      const where = `${limitWord(order.action)} this order's limit of ${order.limitPrice}`;
      throw new HttpError(422, 'limit_not_met', `${quote.ticker} is at ${quote.price} ${quote.currency}, ${where}`);
    }
    return;
  }
  // With several approved trades, explain the one for the same ticker (if any).
  const closest = Math.max(0, trades.findIndex((detail) => String(detail.ticker ?? '').toUpperCase() === order.ticker));
  throw new HttpError(403, 'authorization_details_mismatch', reasons[closest]);
}

/** The fill: price, currency and total (exact to the cent) of `order` at `quote`. */
export function fill(order, quote) {
  return { price: quote.price, currency: quote.currency, total: (cents(quote.price) * order.qty) / 100 };
}
