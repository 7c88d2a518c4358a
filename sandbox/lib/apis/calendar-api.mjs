// The calendar stand-in: a third-party API (Google Calendar's free/busy, in
// spirit) that only accepts the federated connection tokens of the token
// exchange (token-exchange.mjs). A sandbox token for any other API, however
// valid, is not a Google token: 401 invalid_token.
//
//   GET /api/calendar/freebusy?date=YYYY-MM-DD   (default: today, UTC)
//     -> {"date", "timezone": "UTC", "busy": [{"start", "end"}], "free": [{"start", "end"}]}
//
// The busy slots are demo data, derived from the user and the date alone: the
// same question always gets the same answer.
import { createHash } from 'node:crypto';

import { CONNECTIONS, GOOGLE_CONNECTION } from '../connections.mjs';
import { bearerAuthenticator, HttpError } from '../http-api.mjs';
import { CALENDAR_API } from '../resources.mjs';

const DAY_START_HOUR = 9;
const SLOTS = 16; // half hours from 09:00 to 17:00
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value) {
  if (value === null) return new Date().toISOString().slice(0, 10);
  // Round trip through Date: refuses 2025-02-30 as well as malformed text.
  if (!DATE.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString().slice(0, 10) !== value) {
    throw new HttpError(400, 'invalid_request', 'date must be a calendar date, YYYY-MM-DD');
  }
  return value;
}

const slotTime = (date, slot) => {
  const minutes = DAY_START_HOUR * 60 + slot * 30;
  return `${date}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00Z`;
};

// Runs of consecutive slots where busy[slot] === wanted, as {start, end}.
function runs(date, busy, wanted) {
  const ranges = [];
  for (let slot = 0; slot < SLOTS; slot += 1) {
    if (busy[slot] !== wanted) continue;
    const last = ranges.at(-1);
    if (last?.endSlot === slot) last.endSlot = slot + 1;
    else ranges.push({ startSlot: slot, endSlot: slot + 1 });
  }
  return ranges.map(({ startSlot, endSlot }) => ({ start: slotTime(date, startSlot), end: slotTime(date, endSlot) }));
}

/** Deterministic demo busy/free half hours of `accountId` on `date`, 09:00–17:00 UTC. */
export function freeBusy(accountId, date) {
  const hash = createHash('sha256').update(`${accountId}\n${date}`).digest();
  const busy = Array.from({ length: SLOTS }, (_, slot) => hash[slot] % 3 === 0); // about a third of the day
  return {
    date, timezone: 'UTC', busy: runs(date, busy, true), free: runs(date, busy, false),
  };
}

/** The calendar stand-in's routes (apis/index.mjs). */
export function calendarRoutes({ verify }) {
  const { scope } = CONNECTIONS[GOOGLE_CONNECTION];
  const authenticate = bearerAuthenticator({
    verify,
    audience: CALENDAR_API,
    scope,
    checkClaims: (claims) => (claims.connection === GOOGLE_CONNECTION ? undefined : `the access token is not a ${GOOGLE_CONNECTION} connection token`),
  });

  async function freeBusyOf({ req, url }) {
    const { accountId } = await authenticate(req);
    return { body: freeBusy(accountId, parseDate(url.searchParams.get('date'))) };
  }

  return [{ method: 'GET', path: /^\/api\/calendar\/freebusy$/, handler: freeBusyOf }];
}
