// The stock API (resource https://api.sandbox.countersign.dev/stock):
//
//   GET  /api/stock/quotes            no token: {"quotes": [{"ticker", "price", "currency"}]}
//   GET  /api/stock/quotes/{ticker}   no token: one quote; 404 unknown_ticker
//   POST /api/stock/orders            {"action", "ticker", "qty", "limit_price"?} -> 201 the order
//   GET  /api/stock/orders            {"orders": [...]}: the token's user's orders, newest first
//
// Orders need a token for this API with `stock:trade` and a
// trade_authorization detail that covers the order (stock.mjs); each token,
// and each approval (the token's grant, one-time.mjs), places at most one
// order (409 authorization_used).
import { randomBytes } from 'node:crypto';

import { bearerAuthenticator, HttpError, readJson } from '../http-api.mjs';
import { STOCK_API } from '../resources.mjs';
import { grantOf } from './orders-store.mjs';
import {
  checkOrderAuthorized, fill, findQuote, parseOrder, QUOTES,
} from './stock.mjs';

const ITEM = /^[A-Za-z0-9.]{1,10}$/; // what may be echoed back of a ticker in a path

function quote(ticker) {
  const found = findQuote(ticker);
  if (!found) throw new HttpError(404, 'unknown_ticker', ITEM.test(ticker) ? `no quote for ${ticker}` : 'no quote for this ticker');
  return found;
}

/** The stock API's routes (apis/index.mjs); `orders` is the OrderStore. */
export function stockRoutes({ verify, orders }) {
  const authenticate = bearerAuthenticator({
    verify, audience: STOCK_API, scope: 'stock:trade', requiredClaims: ['jti'],
  });

  async function placeOrder({ req }) {
    const { accountId, claims } = await authenticate(req);
    const order = parseOrder(await readJson(req));
    const found = findQuote(order.ticker);
    if (!found) throw new HttpError(400, 'unknown_ticker', `no quote for ${order.ticker}`);
    checkOrderAuthorized(claims.authorization_details, order, found);

    const record = {
      id: `ord_${randomBytes(12).toString('base64url')}`,
      account: accountId,
      client_id: claims.client_id,
      action: order.action,
      ticker: found.ticker,
      qty: order.qty,
      ...fill(order, found),
      status: 'filled',
      created_at: new Date().toISOString(),
    };
    const { placed } = await orders.place(record, { jti: claims.jti, exp: claims.exp, grant: grantOf(claims) });
    if (!placed) throw new HttpError(409, 'authorization_used', 'this approval has already been used; each approval allows one order');
    return { status: 201, body: record };
  }

  async function listOrders({ req }) {
    const { accountId } = await authenticate(req);
    return { body: { orders: orders.listFor(accountId) } };
  }

  return [
    { method: 'GET', path: /^\/api\/stock\/quotes$/, handler: () => ({ body: { quotes: QUOTES } }) },
    { method: 'GET', path: /^\/api\/stock\/quotes\/([^/]+)$/, handler: ({ params }) => ({ body: quote(params[0]) }) },
    { method: 'POST', path: /^\/api\/stock\/orders$/, handler: placeOrder },
    { method: 'GET', path: /^\/api\/stock\/orders$/, handler: listOrders },
  ];
}
