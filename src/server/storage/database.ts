import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createPrivateFile, securePrivateDataDir } from './data-dir.ts';

/** The database file in DATA_DIR (WAL and shared-memory files sit next to it). */
export const DATABASE_FILE = 'submissions.sqlite';

/**
 * The embedded database: one SQLite file in DATA_DIR. WAL with synchronous=FULL makes a commit
 * durable before we tell anyone "received"; secure_delete overwrites erased reports on disk.
 */
export function openDatabase(dataDir: string): DatabaseSync {
  securePrivateDataDir(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  // SQLite creates its -wal and -shm files with the rights of the database file.
  createPrivateFile(file);
  const db = new DatabaseSync(file);
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA secure_delete = ON;
    PRAGMA foreign_keys = ON;
    PRAGMA busy_timeout = 5000;
  `);
  migrate(db);
  return db;
}

const migrations: string[] = [
  `CREATE TABLE submissions (
     reference    TEXT PRIMARY KEY,
     form         TEXT NOT NULL,
     route        TEXT NOT NULL,
     payload      TEXT NOT NULL,
     created_at   INTEGER NOT NULL,
     delivered_at INTEGER
   );
   CREATE TABLE deliveries (
     id              INTEGER PRIMARY KEY,
     reference       TEXT NOT NULL REFERENCES submissions(reference) ON DELETE CASCADE,
     message         TEXT NOT NULL,
     recipient       TEXT NOT NULL,
     status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
     attempts        INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     last_error      TEXT,
     sent_at         INTEGER
   );
   CREATE INDEX deliveries_due ON deliveries(status, next_attempt_at);
   CREATE INDEX submissions_delivered ON submissions(delivered_at);`,
  // Workshop bookings. A booking holds its place for as long as it exists, so it outlives its
  // submission: only the period, workshop, status and chosen day remain after the personal
  // data is erased. A decline reason can hold personal words and goes with the submission.
  `CREATE TABLE workshop_bookings (
     reference    TEXT PRIMARY KEY,
     period       TEXT NOT NULL,
     workshop     TEXT NOT NULL,
     status       TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'confirmed', 'declined')),
     session_date TEXT,
     starts_at    TEXT,
     ends_at      TEXT,
     created_at   INTEGER NOT NULL,
     decided_at   INTEGER
   );
   CREATE INDEX workshop_bookings_period ON workshop_bookings(period, status);
   CREATE TABLE workshop_decline_reasons (
     reference TEXT PRIMARY KEY REFERENCES submissions(reference) ON DELETE CASCADE,
     reason    TEXT NOT NULL
   );`,
  // Stored payloads carry the version of their form's stored shape, so a later deploy reads
  // them with the right schema or alerts an operator, never misreads them.
  `ALTER TABLE submissions ADD COLUMN payload_version INTEGER NOT NULL DEFAULT 1;`,
  // A request holds no session until the school confirms its e-mail address ('unconfirmed'),
  // and one nobody decided on is released when the coordinator's links expire ('expired').
  // SQLite cannot change a CHECK constraint in place, so the table is rebuilt; earlier
  // requests count as confirmed when they were made.
  `CREATE TABLE workshop_bookings_v3 (
     reference            TEXT PRIMARY KEY,
     period               TEXT NOT NULL,
     workshop             TEXT NOT NULL,
     status               TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'requested', 'confirmed', 'declined', 'expired')),
     session_date         TEXT,
     starts_at            TEXT,
     ends_at              TEXT,
     created_at           INTEGER NOT NULL,
     address_confirmed_at INTEGER,
     reminded_at          INTEGER,
     decided_at           INTEGER
   );
   INSERT INTO workshop_bookings_v3 (reference, period, workshop, status, session_date, starts_at, ends_at, created_at, address_confirmed_at, decided_at)
     SELECT reference, period, workshop, status, session_date, starts_at, ends_at, created_at, created_at, decided_at FROM workshop_bookings;
   DROP TABLE workshop_bookings;
   ALTER TABLE workshop_bookings_v3 RENAME TO workshop_bookings;
   CREATE INDEX workshop_bookings_period ON workshop_bookings(period, status);
   CREATE INDEX workshop_bookings_status ON workshop_bookings(status, created_at);`,
  // The hash of the form token a submission was sent with: a second post of the same form
  // (refresh, Back and resend, a double click) finds the first submission instead of a new one.
  `ALTER TABLE submissions ADD COLUMN token_key TEXT;
   CREATE UNIQUE INDEX submissions_token_key ON submissions(token_key);`,
  // Confidential reporting (src/server/cases/): only ciphertext and the facts needed to route,
  // list and erase a case. Accounts hold their private key wrapped with their passphrase.
  `CREATE TABLE vault (name TEXT PRIMARY KEY, value BLOB NOT NULL);
   CREATE TABLE accounts (
     id               INTEGER PRIMARY KEY,
     email            TEXT NOT NULL UNIQUE COLLATE NOCASE,
     recipient        TEXT NOT NULL,
     wrapped_identity BLOB NOT NULL,
     totp_secret      BLOB,
     recovery_codes   TEXT NOT NULL DEFAULT '[]',
     last_totp_step   INTEGER NOT NULL DEFAULT 0,
     failed_logins    INTEGER NOT NULL DEFAULT 0,
     locked_until     INTEGER NOT NULL DEFAULT 0,
     created_at       INTEGER NOT NULL
   );
   CREATE TABLE cases (
     id                 INTEGER PRIMARY KEY,
     reference          TEXT NOT NULL UNIQUE,
     kind               TEXT NOT NULL,
     status             TEXT NOT NULL DEFAULT 'nieuw' CHECK (status IN ('nieuw', 'in-behandeling', 'afgesloten')),
     unread             INTEGER NOT NULL DEFAULT 1,
     receipt_hash       TEXT UNIQUE,
     reporter_key       BLOB,
     reporter_recipient TEXT,
     created_at         INTEGER NOT NULL,
     last_message_at    INTEGER NOT NULL,
     closed_at          INTEGER
   );
   CREATE INDEX cases_closed ON cases(status, last_message_at);
   CREATE TABLE case_messages (
     id         INTEGER PRIMARY KEY,
     case_id    INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
     author     TEXT NOT NULL CHECK (author IN ('melding', 'melder', 'antwoord', 'notitie')),
     account    TEXT,
     body       BLOB NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE INDEX case_messages_case ON case_messages(case_id, id);
   CREATE TABLE case_access (
     id      INTEGER PRIMARY KEY,
     case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
     account TEXT NOT NULL,
     action  TEXT NOT NULL,
     at      INTEGER NOT NULL
   );
   CREATE INDEX case_access_case ON case_access(case_id, at);`,
];

function migrate(db: DatabaseSync): void {
  const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
  for (let i = version; i < migrations.length; i++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[i]!);
      db.exec(`PRAGMA user_version = ${i + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

/** Runs `work` in one IMMEDIATE transaction: all of it is committed, or none. */
export function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
