import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * DATA_DIR holds reports: only the server's own user may read it. The folder and every folder
 * in it become 0700 and every file 0600 at each start, also when the folder already existed
 * with wider rights (a 0755 folder from a copy or a restore). When that cannot be done (the
 * files belong to someone else), the server refuses to start rather than keep reports readable.
 */
export function securePrivateDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fix = (target: string, mode: number) => {
    const info = lstatSync(target);
    if (info.isSymbolicLink() || (info.mode & 0o777) === mode) return;
    try {
      chmodSync(target, mode);
    } catch {
      throw new Error(`${target} is readable by others (mode ${(info.mode & 0o777).toString(8)}) and its rights cannot be narrowed to ${mode.toString(8)}. Give it to the server's user or fix its rights, then start again.`);
    }
  };
  const walk = (folder: string) => {
    fix(folder, 0o700);
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) fix(full, 0o600);
    }
  };
  walk(dataDir);
}

/** Creates `file` empty with 0600 when it does not exist yet, so SQLite (and its -wal, -shm) inherit private rights. */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * One server process per data folder: two would both deliver every mail. The lock is a file
 * created with O_EXCL that holds the owner's process id. A lock left by a process that no
 * longer runs (a crash, a SIGKILL) is taken over; a live owner makes this start fail with a
 * clear message. Operator commands (`npm run mail`) do not take the lock: SQLite lets them
 * read and queue resends next to the running server.
 */
export function lockDataDir(dataDir: string, pid = process.pid): DataDirLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (ownerOf(file) === pid) unlinkSync(file);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = ownerOf(file);
    if (owner !== undefined && isAlive(owner)) {
      throw new Error(`Another server (process ${owner}) is already using the data folder ${dataDir}. Two servers on one folder would send every mail twice. Stop the other one first; if no server runs, delete ${file}.`);
    }
    // A stale lock: its owner is gone. Remove it and try again (another starter may race us; O_EXCL decides).
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}; another server is starting on it.`);
}

function ownerOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
