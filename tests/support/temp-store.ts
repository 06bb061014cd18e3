import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, DATABASE_FILE } from '../../src/server/storage/database.ts';
import { SubmissionStore } from '../../src/server/storage/submission-store.ts';

/** A real SQLite store in a fresh temporary DATA_DIR. */
export function tempStore(): { store: SubmissionStore; dataDir: string } {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aanspreekpunt-store-'));
  return { store: new SubmissionStore(openDatabase(dataDir)), dataDir };
}

/** Whether `text` occurs in any database file (main file, WAL, shared memory) in `dataDir`. */
export function databaseFilesContain(dataDir: string, text: string): boolean {
  return readdirSync(dataDir)
    .filter((f) => f.startsWith(DATABASE_FILE))
    .some((f) => readFileSync(path.join(dataDir, f)).includes(Buffer.from(text)));
}
