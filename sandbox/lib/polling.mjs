// The poll rule that CIBA (ciba.mjs, approvals.mjs) and the device flow
// (device-flow.mjs) share; oidc-provider enforces no interval itself.
//
// A client polling a still-pending request sooner than `interval` seconds
// after its previous poll (or after the request was issued) gets slow_down,
// and that request's interval grows by 5 s for all later polls
// (RFC 8628 section 3.5, CIBA Core section 11).

const SLOW_DOWN_STEP_SECONDS = 5;

/**
 * Records a poll at `now` (ms) in `state` = { interval (s), lastPollAt (ms) },
 * where lastPollAt starts as the issuance time. Mutates `state`; returns
 * { slowDown, interval }.
 */
export function recordPoll(state, now) {
  const slowDown = now - state.lastPollAt < state.interval * 1000;
  if (slowDown) state.interval += SLOW_DOWN_STEP_SECONDS;
  state.lastPollAt = now;
  return { slowDown, interval: state.interval };
}

/** The token endpoint's answer body for a poll that came too early. */
export function slowDownBody(interval) {
  return {
    error: 'slow_down',
    error_description: `polling too fast; wait at least ${interval} seconds between requests`,
  };
}
