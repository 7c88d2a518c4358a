// stdout is an interface: the desktop app reads exactly one line from it
// (`ready issuer=...`). oidc-provider prints its NOTICE messages with
// console.info, i.e. to stdout, and libraries may use console.log too. Route
// every console method to stderr, and keep a private handle on the real stdout
// for the ready line. Import this module before anything else.
const realStdoutWrite = process.stdout.write.bind(process.stdout);

for (const method of ['log', 'info', 'debug']) {
  // eslint-disable-next-line no-console
  console[method] = (...args) => console.error(...args);
}

/** Write one line to the real stdout (used only for the ready line). */
export function writeStdoutLine(line) {
  return new Promise((resolve, reject) => {
    realStdoutWrite(`${line}\n`, (err) => (err ? reject(err) : resolve()));
  });
}
