// Mutual exclusion for async tasks. Decisions take these locks, so a request
// moves from pending to exactly one final state even when two decisions (or
// a decision and an expiry) arrive together.

/** Runs tasks one after another: `exclusive(task)` resolves with task's result. */
export function serialQueue() {
  let tail = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => {});
    return run;
  };
}

/**
 * One serialQueue per key: `exclusive(key, task)` runs after the earlier tasks
 * of the same key and independently of other keys. Idle keys are forgotten.
 */
export function keyedSerialQueue() {
  const tails = new Map(); // key -> promise of its last task (settled or not)
  return (key, task) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    tail.then(() => { if (tails.get(key) === tail) tails.delete(key); });
    return run;
  };
}
