// The demo APIs that Countersign's agent pane calls, served next to
// oidc-provider like the approval channel:
//
//   /api/stock/...      stock quotes and orders   (stock-api.mjs)
//   /api/payments       payments                  (payments-api.mjs)
//   /api/data/{id}      the user's data records   (data-api.mjs)
//   /api/calendar/...   calendar stand-in behind the token exchange (calendar-api.mjs)
//   /api/docs/...       document retriever        (docs-api.mjs)
//   /stores/...         OpenFGA stand-in          (fga-api.mjs)
//
// All of /api answers in OAuth's error shape (RFC 6750 for token problems);
// /stores answers in OpenFGA's.
import path from 'node:path';

import { accessTokenVerifier } from '../access-tokens.mjs';
import {
  HttpError, matchRoute, sendError, sendJson,
} from '../http-api.mjs';
import { calendarRoutes } from './calendar-api.mjs';
import { dataRoutes } from './data-api.mjs';
import { docsRoutes } from './docs-api.mjs';
import { createFgaRoutes } from './fga-api.mjs';
import { TupleStore } from './fga.mjs';
import { OrderStore, PaymentStore } from './orders-store.mjs';
import { paymentRoutes } from './payments-api.mjs';
import { stockRoutes } from './stock-api.mjs';

const under = (pathname, prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/**
 * Opens the APIs' state in `dataDir` (DATA/stock-orders.json,
 * DATA/payments.json, DATA/fga.json)
 * and returns a handler `(req, res) => boolean` serving /api and /stores
 * (false for other paths), with `close()` to wait for pending writes.
 */
export async function createDemoApis({
  issuer, jwks, dataDir, log = () => {},
}) {
  const verify = accessTokenVerifier({ issuer, jwks });
  const [orders, payments, tuples] = await Promise.all([
    OrderStore.open(path.join(dataDir, 'stock-orders.json')),
    PaymentStore.open(path.join(dataDir, 'payments.json')),
    TupleStore.open(path.join(dataDir, 'fga.json')),
  ]);
  const apiRoutes = [
    ...stockRoutes({ verify, orders }),
    ...paymentRoutes({ verify, payments }),
    ...dataRoutes({ verify }),
    ...calendarRoutes({ verify }),
    ...docsRoutes({ verify }),
  ];
  const fgaRoutes = createFgaRoutes({ tuples, log });

  // A handler answers { status = 200, body } or throws an HttpError.
  async function serveApi(req, res, url) {
    const route = matchRoute(apiRoutes, req.method, url.pathname);
    if (!route) throw new HttpError(404, 'not_found', 'no such API endpoint');
    const { status = 200, body } = await route.handler({ req, url, params: route.params });
    sendJson(res, status, body);
  }

  function routes(req, res) {
    const url = new URL(req.url, issuer);
    if (under(url.pathname, '/api')) {
      serveApi(req, res, url).catch((err) => sendError(res, err, { log, what: `api: ${req.method} ${url.pathname}` }));
      return true;
    }
    if (under(url.pathname, '/stores')) {
      fgaRoutes(req, res, url);
      return true;
    }
    return false;
  }

  routes.close = () => Promise.all([orders.close(), payments.close(), tuples.close()]);
  return routes;
}
