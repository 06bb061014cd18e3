import { Worker } from 'node:worker_threads';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

/**
 * Everything the site encrypts goes through here, in the age format (age-encryption.org/v1),
 * with the `age-encryption` library: never home-made cryptography.
 *
 * - Case messages are encrypted to X25519 recipients (`age1…`): the expert accounts of the
 *   case's kind, the city's recovery key and, for the reporter, the case's own key.
 * - Secret identities (an expert's, a case's) are stored only wrapped with a passphrase (age's
 *   scrypt recipient). scrypt in this library is synchronous JavaScript and takes a second or
 *   more, so wrapping and unwrapping run in a worker thread: the site keeps answering meanwhile.
 */

export interface KeyPair {
  /** AGE-SECRET-KEY-1…: never stored in plain text. */
  identity: string;
  /** age1…: public. */
  recipient: string;
}

export async function newKeyPair(): Promise<KeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const recipientOf = (identity: string): Promise<string> => identityToRecipient(identity);

/** Encrypts `plaintext` so that each of `recipients` (and nobody else) can read it. */
export async function encryptTo(recipients: readonly string[], plaintext: string): Promise<Uint8Array> {
  if (recipients.length === 0) throw new Error('encryptTo needs at least one recipient');
  const encrypter = new Encrypter();
  for (const recipient of new Set(recipients)) encrypter.addRecipient(recipient);
  return encrypter.encrypt(plaintext);
}

/** Decrypts with any of `identities`; undefined when none of them is a recipient. */
export async function decryptWith(identities: readonly string[], ciphertext: Uint8Array): Promise<string | undefined> {
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(ciphertext, 'text');
  } catch {
    return undefined;
  }
}

/** The scrypt work factor (log2 N) for a secret a person chooses: an expert's passphrase. */
export const PASSPHRASE_WORK_FACTOR = 16;

/** Wraps `secret` with `passphrase` (age scrypt), in the worker thread. */
export function wrapWithPassphrase(secret: string, passphrase: string, workFactor = PASSPHRASE_WORK_FACTOR): Promise<Uint8Array> {
  return call({ op: 'wrap', secret, passphrase, workFactor }) as Promise<Uint8Array>;
}

/** Unwraps a secret wrapped by `wrapWithPassphrase`; undefined when the passphrase is wrong. */
export function unwrapWithPassphrase(box: Uint8Array, passphrase: string): Promise<string | undefined> {
  return call({ op: 'unwrap', box, passphrase }) as Promise<string | undefined>;
}

type Job = { op: 'wrap'; secret: string; passphrase: string; workFactor: number } | { op: 'unwrap'; box: Uint8Array; passphrase: string };

let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

function call(job: Job): Promise<unknown> {
  if (!worker) {
    worker = new Worker(new URL('./passphrase-worker.ts', import.meta.url));
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = pending.get(id);
      pending.delete(id);
      if (pending.size === 0) worker?.unref();
      if (error !== undefined) waiting?.reject(new Error(error));
      else waiting?.resolve(result);
    });
    worker.on('error', (error) => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
      worker = undefined;
    });
  }
  // Referenced only while a job waits: an idle worker never keeps the process alive.
  worker.ref();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker!.postMessage({ id, ...job });
  });
}
