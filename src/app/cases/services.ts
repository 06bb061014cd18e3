/**
 * The narrow services of confidential reporting, as pages get them on `Astro.locals.services`.
 * Types only: the host (src/server/cases/) implements them. No page ever sees a key, a database
 * handle or another person's session; plaintext reaches a page only inside the session that may read it.
 */

export type CaseStatus = 'nieuw' | 'in-behandeling' | 'afgesloten';
export type MessageAuthor = 'melding' | 'melder' | 'antwoord' | 'notitie';

/** The concern form hands its validated answers here; they are encrypted before anything is stored. */
export interface Reports {
  /**
   * Encrypts and stores a report of routing-table entry `kind`, queues the content-free
   * notifications, and returns an opaque one-time token for the page that shows the receipt.
   */
  submit(kind: string, report: unknown): Promise<string>;
  /** The receipt and reference behind a token, while it is valid (see README). */
  confirmation(token: string): { reference: string; receipt: string } | undefined;
  /** Forgets a confirmation at once ("Ik heb mijn code genoteerd"). */
  forget(token: string): void;
}

export interface ShownMessage {
  author: MessageAuthor;
  /** The expert who wrote a reply or note. */
  account?: string;
  createdAt: number;
  /** The report's answers for `melding`, the text otherwise; undefined when this key cannot read it. */
  content: unknown;
}

export type Throttled = { kind: 'throttled'; retryAfterSeconds: number };

/** The reporter's side: a receipt opens a case for a short while, held in server memory only. */
export interface FollowUp {
  /** Opens the case of a receipt; the token is put in the page's forms, never in an address. */
  open(receipt: string, clientAddress: string): Promise<{ kind: 'open'; token: string } | { kind: 'unknown' } | Throttled>;
  /** What the reporter may read: their own messages and the expert's replies. */
  view(token: string): Promise<{ reference: string; messages: ShownMessage[]; newToken: string } | undefined>;
  /** Adds the reporter's message; returns a new token to show the case again, undefined when the token expired or was used already. */
  add(token: string, text: string): Promise<string | undefined>;
}

export interface InboxSession {
  email: string;
  /** Put in every state-changing form of the session; checked on each post. */
  csrf: string;
}

export type LoginResult =
  | { kind: 'signed-in'; session: string }
  | { kind: 'set-up'; setUp: SecondFactorSetUp }
  | { kind: 'failed' }
  | Throttled;

/** The first login: the authenticator app is set up before the account is used. */
export interface SecondFactorSetUp {
  /** Opaque, held in memory for a few minutes. */
  pending: string;
  /** The TOTP secret as text (base32), for people who cannot scan. */
  secret: string;
  /** The otpauth:// QR code as inline SVG. */
  qrSvg: string;
  /** Shown once; stored only as hashes. */
  recoveryCodes: string[];
}

export interface CaseSummary {
  reference: string;
  kind: string;
  status: CaseStatus;
  unread: boolean;
  createdAt: number;
  lastMessageAt: number;
}

export interface CaseView extends CaseSummary {
  messages: ShownMessage[];
  /** Whether this account's key can read the case (it may predate the account). */
  readable: boolean;
  access: { account: string; action: string; at: number }[];
}

export type CaseAction = { kind: 'reply' | 'note'; text: string } | { kind: 'close' } | { kind: 'reopen' };

export interface Inbox {
  /** How long a session lasts without activity. */
  idleMinutes: number;
  login(credentials: { email: string; passphrase: string; code: string }, clientAddress: string): Promise<LoginResult>;
  /** Finishes the set-up with a code from the app; the account's second factor is stored only then. */
  confirmSetUp(pending: string, code: string): Promise<{ kind: 'signed-in'; session: string } | { kind: 'failed'; setUp: SecondFactorSetUp } | { kind: 'expired' }>;
  /** The session behind a cookie value, which this call keeps alive; undefined when expired or unknown. */
  session(id: string | undefined): InboxSession | undefined;
  logout(id: string): void;
  cases(session: string): CaseSummary[];
  /** Opens a case (to read, or to print) and records that in the access log. */
  open(session: string, reference: string, purpose?: 'read' | 'print'): Promise<CaseView | undefined>;
  /** Changes a case and records it in the access log; false when the case or session is gone. */
  act(session: string, reference: string, action: CaseAction): Promise<boolean>;
}
