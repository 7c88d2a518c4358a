// Server-sent events (HTML Living Standard, "Server-sent events") over a
// plain node:http response: headers, the retry advice, events, keep-alive
// comments, and closing. Knows nothing about approvals.

const RETRY_MS = 2000;

export class EventStream {
  #res;
  #keepAlive;
  #closed = false;
  #onClose = [];

  /**
   * Starts the stream: status 200 and headers go out at once (a client knows
   * it is connected without waiting for the first event), then `retry:`.
   */
  constructor(req, res, { keepAliveSeconds }) {
    this.#res = res;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no', // no proxy buffering, should one ever sit in front
      // The stream is the whole life of this connection: once it ends the
      // socket is closed, so ending streams lets shutdown finish at once.
      Connection: 'close',
    });
    req.socket.setNoDelay(true); // events are tiny and must not wait for Nagle
    this.#write(`retry: ${RETRY_MS}\n\n`);
    this.#keepAlive = setInterval(() => this.#write(': keep-alive\n\n'), keepAliveSeconds * 1000);
    this.#keepAlive.unref();
    res.on('close', () => this.#cleanUp());
  }

  get closed() {
    return this.#closed;
  }

  /** One event. `data` is serialised as JSON, which never contains a newline. */
  send({ id, event, data }) {
    this.#write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Runs `callback` once when the stream ends, whoever ends it. */
  onClose(callback) {
    if (this.#closed) callback();
    else this.#onClose.push(callback);
  }

  /** Ends the stream (the client sees a normal end and reconnects). */
  close() {
    if (!this.#closed) this.#res.end();
    this.#cleanUp();
  }

  #write(chunk) {
    if (!this.#closed) this.#res.write(chunk);
  }

  #cleanUp() {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#keepAlive);
    for (const callback of this.#onClose.splice(0)) callback();
  }
}
