// Atomic file writes: write a uniquely named temporary file in the same
// directory, then rename(2) it over the target. rename within one directory is
// atomic on POSIX, so a reader (or a crash) sees either the old or the new
// content, never a half-written file.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { openSync, writeSync, fsyncSync, closeSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

function tempNameFor(target) {
  // Leading dot + ".tmp" suffix so directory scans can skip leftovers of a
  // crashed write (see FileAdapter.load).
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Write `data` to `target` atomically.
 * `durable: true` also fsyncs the file before the rename; used for key material,
 * which must never be lost once handed out (tokens signed with it may exist).
 */
export async function writeFileAtomic(target, data, { mode = 0o600, durable = false } = {}) {
  const tmp = tempNameFor(target);
  let handle;
  try {
    handle = await open(tmp, 'wx', mode);
    await handle.writeFile(data);
    if (durable) await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, target);
  } catch (err) {
    if (handle) await handle.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}

/** Synchronous variant, for the shutdown path where the event loop may be ending. */
export function writeFileAtomicSync(target, data, { mode = 0o600, durable = false } = {}) {
  const tmp = tempNameFor(target);
  let fd;
  try {
    fd = openSync(tmp, 'wx', mode);
    writeSync(fd, data);
    if (durable) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) { try { closeSync(fd); } catch { /* already failing */ } }
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function isTempName(name) {
  return name.startsWith('.') && name.endsWith('.tmp');
}
