import { randomBytes } from 'node:crypto';
import { decryptWith, encryptTo, newKeyPair, unwrapWithPassphrase, wrapWithPassphrase } from './age-box.ts';
import type { AccountStore } from './accounts.ts';
import type { CaseRow, CaseStore, MessageAuthor } from './case-store.ts';
import { generateReceipt, hashReceipt, RECEIPT_WORK_FACTOR } from './receipt.ts';
import { normaliseReceipt } from '../../lib/receipt.ts';
import { generateReference } from '../../forms/reference.ts';

export interface VaultOptions {
  cases: CaseStore;
  accounts: AccountStore;
  /** The recovery key's recipient (age1…), read when a message is encrypted. */
  recoveryRecipient(): string;
  /** Who a kind is routed to (the settings' routing table): addresses, lower or upper case. */
  routing: Readonly<Record<string, readonly string[]>>;
  now(): number;
  /**
   * Runs `work` in one database transaction together with queueing a content-free notification
   * for the addresses `kind` is routed to (or, with `notify` false, without one).
   */
  atomically(kind: string, notify: boolean, work: () => void): void;
  /** Test knobs: cheaper scrypt for receipts. */
  receiptWorkFactor?: number;
  receiptHashCost?: number;
}

export interface CaseMessage {
  id: number;
  author: MessageAuthor;
  account: string | undefined;
  createdAt: number;
  /** The decrypted content (the report's answers for `melding`, text otherwise); undefined when this key cannot read it. */
  content: unknown;
}

/**
 * The confidential heart of the site: every report and every later message is encrypted here,
 * in the host process, before it is stored, to the recipients the case's kind is routed to
 * (their expert accounts), the city's recovery key and, except for internal notes, the case's
 * own key, which only the reporter's receipt unwraps. Plaintext lives only in memory.
 */
export class CaseVault {
  readonly #o: VaultOptions;
  #salt: Buffer | undefined;

  constructor(options: VaultOptions) {
    this.#o = options;
  }

  /** The recipients of a kind's messages: its expert accounts and the recovery key. */
  recipientsFor(kind: string): string[] {
    return [...this.#expertRecipients(kind), this.#o.recoveryRecipient()];
  }

  /** Kinds that have no expert account yet: only the recovery key reads their cases. */
  kindsWithoutAccount(): string[] {
    return Object.keys(this.#o.routing).filter((kind) => this.#expertRecipients(kind).length === 0);
  }

  #expertRecipients(kind: string): string[] {
    const addresses = new Set((this.#o.routing[kind] ?? []).map((a) => a.toLowerCase()));
    return this.#o.accounts
      .all()
      .filter((a) => addresses.has(a.email.toLowerCase()))
      .map((a) => a.recipient);
  }

  /** Stores a new report; returns its reference and the reporter's receipt (shown once, never stored). */
  async open(kind: string, report: unknown): Promise<{ reference: string; receipt: string }> {
    const receipt = generateReceipt();
    const caseKey = await newKeyPair();
    const [reporterKey, receiptHash, body] = await Promise.all([
      wrapWithPassphrase(caseKey.identity, receipt, this.#o.receiptWorkFactor ?? RECEIPT_WORK_FACTOR),
      this.#hash(receipt),
      encryptTo([...this.recipientsFor(kind), caseKey.recipient], JSON.stringify(report)),
    ]);
    for (let attempt = 0; ; attempt++) {
      const reference = generateReference();
      try {
        this.#o.atomically(kind, true, () => this.#o.cases.insertCase({ reference, kind, receiptHash, reporterKey, reporterRecipient: caseKey.recipient, body }, this.#o.now()));
        return { reference, receipt };
      } catch (error) {
        // Two equal references (31^8) or receipts (10^16) are astronomically rare: try again, then give up.
        if (attempt < 3 && /UNIQUE constraint failed: cases\.reference/.test(String(error))) continue;
        throw error;
      }
    }
  }

  /** The case a receipt belongs to, with the case key it unwraps; undefined for a wrong receipt. */
  async findByReceipt(input: string): Promise<{ row: CaseRow; identity: string } | undefined> {
    const receipt = normaliseReceipt(input);
    if (!receipt) return undefined;
    const row = this.#o.cases.byReceiptHash(await this.#hash(receipt));
    if (!row) return undefined;
    const identity = await unwrapWithPassphrase(row.reporterKey, receipt);
    return identity ? { row, identity } : undefined;
  }

  /** All messages of a case, decrypted with whichever of `identities` is a recipient. */
  async read(row: CaseRow, identities: readonly string[]): Promise<CaseMessage[]> {
    return Promise.all(
      this.#o.cases.messages(row.id).map(async (m) => {
        const text = await decryptWith(identities, m.body);
        return { id: m.id, author: m.author, account: m.account, createdAt: m.createdAt, content: text === undefined ? undefined : JSON.parse(text) };
      }),
    );
  }

  /**
   * Adds a message to a case. The reporter's messages and the expert's replies are also
   * encrypted to the case key (the receipt reads them); internal notes are not. A message
   * from the reporter notifies the experts; nothing ever notifies the reporter.
   */
  async add(row: CaseRow, author: Exclude<MessageAuthor, 'melding'>, text: string, account?: string): Promise<void> {
    const recipients = this.recipientsFor(row.kind);
    if (author !== 'notitie' && row.reporterRecipient) recipients.push(row.reporterRecipient);
    const body = await encryptTo(recipients, JSON.stringify(text));
    this.#o.atomically(row.kind, author === 'melder', () => this.#o.cases.insertMessage(row.id, { author, account, body }, this.#o.now()));
  }

  /**
   * Encrypts every message of every case again, to the recipients its kind has now. After an
   * expert account was added, it reads the older cases too; after one was removed, its key no
   * longer opens any. Only the recovery identity can do this (the server never holds it). The
   * reporter's case key keeps what it had: everything except internal notes. Each case is
   * rewritten in one transaction; a message the identity cannot read stays as it is, counted.
   */
  async reencryptAll(recoveryIdentity: string): Promise<{ cases: number; messages: number; unreadable: number }> {
    const done = { cases: 0, messages: 0, unreadable: 0 };
    for (const row of this.#o.cases.list(Object.keys(this.#o.routing))) {
      const bodies: { id: number; body: Uint8Array }[] = [];
      for (const message of this.#o.cases.messages(row.id)) {
        const text = await decryptWith([recoveryIdentity], message.body);
        if (text === undefined) {
          done.unreadable++;
          continue;
        }
        const recipients = this.recipientsFor(row.kind);
        if (message.author !== 'notitie' && row.reporterRecipient) recipients.push(row.reporterRecipient);
        bodies.push({ id: message.id, body: await encryptTo(recipients, text) });
      }
      this.#o.atomically(row.kind, false, () => {
        for (const { id, body } of bodies) this.#o.cases.replaceBody(id, body);
      });
      done.cases++;
      done.messages += bodies.length;
    }
    return done;
  }

  async #hash(receipt: string): Promise<string> {
    this.#salt ??= Buffer.from(this.#o.cases.vaultValue('receipt-salt', () => randomBytes(16)));
    return hashReceipt(receipt, this.#salt, this.#o.receiptHashCost);
  }
}
