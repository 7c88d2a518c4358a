// The payments API (resource https://api.sandbox.countersign.dev/payments):
//
//   POST /api/payments   {"amount": "25.00", "currency": "EUR", "creditor": "Erika"} -> 201 the payment
//   GET  /api/payments   {"payments": [...]}: the token's user's payments, newest first
//
// Both need a token for this API with `payments:initiate`; a payment also
// needs a payment_initiation detail that covers it exactly (payments.mjs),
// and each token, and each approval (the token's grant), makes at most one
// payment (409 authorization_used), as orders on the stock API. DEMO ONLY: no money moves; a payment is a record
// in DATA/payments.json, "executed" at once.
import { randomBytes } from 'node:crypto';

import { bearerAuthenticator, HttpError, readJson } from '../http-api.mjs';
import { formatCents } from '../rar.mjs';
import { PAYMENTS_API } from '../resources.mjs';
import { grantOf } from './orders-store.mjs';
import { checkPaymentAuthorized, parsePayment } from './payments.mjs';

/** The payments API's routes (apis/index.mjs); `payments` is the PaymentStore. */
export function paymentRoutes({ verify, payments }) {
  const authenticate = bearerAuthenticator({
    verify, audience: PAYMENTS_API, scope: 'payments:initiate', requiredClaims: ['jti'],
  });

  async function makePayment({ req }) {
    const { accountId, claims } = await authenticate(req);
    const payment = parsePayment(await readJson(req));
    checkPaymentAuthorized(claims.authorization_details, payment);

    const record = {
      id: `pay_${randomBytes(12).toString('base64url')}`,
      account: accountId,
      client_id: claims.client_id,
      amount: formatCents(payment.cents),
      currency: payment.currency,
      creditor: payment.creditor,
      status: 'executed',
      created_at: new Date().toISOString(),
    };
    const { placed } = await payments.place(record, { jti: claims.jti, exp: claims.exp, grant: grantOf(claims) });
    if (!placed) throw new HttpError(409, 'authorization_used', 'this approval has already been used; each approval allows one payment');
    return { status: 201, body: record };
  }

  async function listPayments({ req }) {
    const { accountId } = await authenticate(req);
    return { body: { payments: payments.listFor(accountId) } };
  }

  return [
    { method: 'POST', path: /^\/api\/payments$/, handler: makePayment },
    { method: 'GET', path: /^\/api\/payments$/, handler: listPayments },
  ];
}
