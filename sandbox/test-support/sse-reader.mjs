// Test-side reader for the approval channel's event stream (text/event-stream
// over fetch). Re-exported by harness.mjs.

/**
 * Reads a text/event-stream response. `next()` resolves with the next event
 * ({ id, event, data (parsed JSON) }); comment lines collect in `comments`,
 * `retry` holds the last retry advice. `ended` resolves when the server ends
 * the stream (or close() aborts it).
 */
export class SseReader {
  events = [];
  comments = [];
  retry;
  status;
  headers;
  ended; // promise
  done = false; // true once the stream has ended
  #cursor = 0; // events[#cursor] is what next() returns
  #waiters = [];
  #controller = new AbortController();

  static async open(issuer, token, { lastEventId, query = '' } = {}) {
    const reader = new SseReader();
    const headers = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
    if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
    const res = await fetch(new URL(`/approvals/events${query}`, issuer), { headers, signal: reader.#controller.signal });
    reader.status = res.status;
    reader.headers = res.headers;
    reader.ended = reader.#pump(res.body);
    return reader;
  }

  async #pump(body) {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          this.#block(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (err) {
      if (err.name !== 'AbortError') throw err;
    }
    this.done = true;
    this.#wake();
  }

  #block(block) {
    const event = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        this.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(':');
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, '');
      if (field === 'retry') this.retry = Number(value);
      else if (field === 'data') event.data = JSON.parse(value);
      else event[field] = value;
    }
    if (event.event) this.events.push(event);
    this.#wake();
  }

  #wake() {
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** The next event not yet returned by next(); rejects after `timeoutMs`. */
  async next(timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (this.#cursor >= this.events.length) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no SSE event within ${timeoutMs} ms (got ${JSON.stringify(this.events)})`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
    return this.events[this.#cursor++];
  }

  /** Resolves once `predicate()` holds (checked on every incoming block). */
  async until(predicate, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  close() {
    this.#controller.abort();
  }
}
