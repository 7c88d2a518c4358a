// The data API (resource https://api.sandbox.countersign.dev/data, scope
// data:read), the API a device-flow token is for:
//
//   GET /api/data/{id}   {"id", "owner", "title", "data": {...}}
//
// A user reads only their own records: someone else's record answers exactly
// like a missing one (404 not_found), so ids do not tell who has what.
import { bearerAuthenticator, HttpError } from '../http-api.mjs';
import { DATA_API } from '../resources.mjs';

// DEMO ONLY: invented records.
const RECORDS = [
  {
    id: 'r-1001',
    owner: 'alice',
    title: 'Quarterly sales figures',
    data: {
      quarter: '2025-Q1', region: 'EMEA', revenue: 1250000, currency: 'EUR', units_sold: 4200,
    },
  },
  {
    id: 'r-1002',
    owner: 'alice',
    title: 'Customer survey results',
    data: { responses: 312, nps: 41, top_request: 'dark mode' },
  },
  {
    id: 'r-2001',
    owner: 'bob',
    title: 'Fleet maintenance log',
    data: { vehicles: 12, overdue_services: 2, next_service: '2025-07-01' },
  },
];

/** The data API's routes (apis/index.mjs). */
export function dataRoutes({ verify }) {
  const authenticate = bearerAuthenticator({ verify, audience: DATA_API, scope: 'data:read' });

  async function read({ req, params: [id] }) {
    const { accountId } = await authenticate(req);
    const record = RECORDS.find((candidate) => candidate.id === id && candidate.owner === accountId);
    if (!record) throw new HttpError(404, 'not_found', 'no such record');
    return { body: record };
  }

  return [{ method: 'GET', path: /^\/api\/data\/([^/]+)$/, handler: read }];
}
