import type { CaseAction, CaseView, FollowUp, Inbox, LoginResult, Reports, SecondFactorSetUp, ShownMessage } from '../../app/cases/services.ts';
import { decryptWith, encryptTo, unwrapWithPassphrase, wrapWithPassphrase, PASSPHRASE_WORK_FACTOR } from './age-box.ts';
import { hashRecoveryCode, isRecoveryCode, matchRecoveryCode, newRecoveryCodes, type Account, type AccountStore } from './accounts.ts';
import type { CaseRow, CaseStore } from './case-store.ts';
import { MemoryTokens } from './memory-tokens.ts';
import { FailureThrottle, waitAfter } from './throttle.ts';
import { newTotpSecret, totpQrSvg, verifyTotp } from './totp.ts';
import type { CaseMessage, CaseVault } from './vault.ts';
import { randomBytes } from 'node:crypto';

export interface CaseServiceParts {
  vault: CaseVault;
  cases: CaseStore;
  accounts: AccountStore;
  routing: Readonly<Record<string, readonly string[]>>;
  now(): number;
  /** The name shown in the authenticator app. */
  issuer: string;
  /** An inbox session ends after this long without activity (default 15 minutes). */
  idleMs?: number;
  /** The scrypt work factor of the accounts' wrapped keys, for the equal-cost answer to unknown addresses. */
  passphraseWorkFactor?: number;
}

const MINUTE = 60_000;

/** How long the one-time receipt page can be refreshed or printed. */
export const CONFIRMATION_MS = 15 * MINUTE;
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

interface SessionData {
  accountId: number;
  email: string;
  identity: string;
  csrf: string;
}

/**
 * Builds the three services pages get for confidential reporting. Every secret stays in this
 * closure: unwrapped keys live in `MemoryTokens` only, for as long as a session or a reporter's
 * open case lasts.
 */
export function createCaseServices(parts: CaseServiceParts): { reports: Reports; followUp: FollowUp; inbox: Inbox } {
  const { vault, cases, accounts, now } = parts;
  const idleMs = parts.idleMs ?? 15 * MINUTE;

  // --- the reporter ---------------------------------------------------------------------------
  // The receipt page: refreshing or printing it within 15 minutes still works; then it is gone.
  const confirmations = new MemoryTokens<{ reference: string; receipt: string }>(now, CONFIRMATION_MS);
  const reports: Reports = {
    async submit(kind, report) {
      return confirmations.create(await vault.open(kind, report));
    },
    confirmation: (token) => confirmations.get(token, { touch: false }),
    forget: (token) => confirmations.delete(token),
  };

  const openCases = new MemoryTokens<{ reference: string; identity: string }>(now, 15 * MINUTE, 60 * MINUTE);
  const receiptThrottle = new FailureThrottle(now);
  // Across all clients: many wrong receipts in a short time slow every lookup down, so guessing
  // from many addresses does not help either.
  const recentFailures: number[] = [];
  const GLOBAL_FAILURES = 100;
  const reporterView = (messages: CaseMessage[]): ShownMessage[] =>
    messages.filter((m) => m.author !== 'notitie' && m.content !== undefined).map(({ author, createdAt, content }) => ({ author, createdAt, content }));

  const followUp: FollowUp = {
    async open(receipt, clientAddress) {
      const wait = receiptThrottle.wait(clientAddress);
      if (wait > 0) return { kind: 'throttled', retryAfterSeconds: seconds(wait) };
      while (recentFailures.length && recentFailures[0]! < now() - 10 * MINUTE) recentFailures.shift();
      if (recentFailures.length >= GLOBAL_FAILURES) return { kind: 'throttled', retryAfterSeconds: seconds(recentFailures[0]! + 10 * MINUTE - now()) };
      const found = await vault.findByReceipt(receipt);
      if (!found) {
        receiptThrottle.fail(clientAddress);
        recentFailures.push(now());
        return { kind: 'unknown' };
      }
      receiptThrottle.succeed(clientAddress);
      return { kind: 'open', token: openCases.create({ reference: found.row.reference, identity: found.identity }) };
    },
    async view(token) {
      const open = openCases.take(token);
      const row = open && cases.byReference(open.reference);
      if (!open || !row) return undefined;
      return { reference: row.reference, messages: reporterView(await vault.read(row, [open.identity])), newToken: openCases.create(open) };
    },
    async add(token, text) {
      const open = openCases.take(token);
      const row = open && cases.byReference(open.reference);
      if (!open || !row) return undefined;
      await vault.add(row, 'melder', text);
      return openCases.create(open);
    },
  };

  // --- the expert -----------------------------------------------------------------------------
  const sessions = new MemoryTokens<SessionData>(now, idleMs, 12 * 60 * MINUTE);
  const setUps = new MemoryTokens<{ accountId: number; email: string; identity: string; secret: string; recoveryCodes: string[] }>(now, 10 * MINUTE);
  const loginThrottle = new FailureThrottle(now);
  let dummyBox: Promise<Uint8Array> | undefined;

  const kindsOf = (email: string) => Object.keys(parts.routing).filter((kind) => parts.routing[kind]!.some((a) => a.toLowerCase() === email.toLowerCase()));
  const startSession = (account: Pick<Account, 'id' | 'email'>, identity: string) =>
    sessions.create({ accountId: account.id, email: account.email, identity, csrf: randomBytes(32).toString('base64url') });
  const liveSession = (id: string | undefined): SessionData | undefined => {
    const session = sessions.get(id);
    if (session && !accounts.byId(session.accountId)) {
      // The operator removed the account: its sessions end now.
      sessions.delete(id!);
      return undefined;
    }
    return session;
  };
  const caseFor = (session: SessionData, reference: string): CaseRow | undefined => {
    const row = cases.byReference(reference);
    return row && kindsOf(session.email).includes(row.kind) ? row : undefined;
  };
  const setUpView = (s: { email: string; secret: string; recoveryCodes: string[] }, pending: string): SecondFactorSetUp => ({
    pending,
    secret: s.secret,
    qrSvg: totpQrSvg(s.secret, s.email, parts.issuer),
    recoveryCodes: s.recoveryCodes,
  });
  const summary = (row: CaseRow) => ({ reference: row.reference, kind: row.kind, status: row.status, unread: row.unread, createdAt: row.createdAt, lastMessageAt: row.lastMessageAt });

  const inbox: Inbox = {
    idleMinutes: Math.round(idleMs / MINUTE),

    async login({ email, passphrase, code }, clientAddress): Promise<LoginResult> {
      const clientWait = loginThrottle.wait(clientAddress);
      if (clientWait > 0) return { kind: 'throttled', retryAfterSeconds: seconds(clientWait) };
      const account = accounts.byEmail(email.trim());
      if (account && account.lockedUntil > now()) return { kind: 'throttled', retryAfterSeconds: seconds(account.lockedUntil - now()) };

      // An unknown address costs as much as a known one, so the answer's timing says nothing.
      dummyBox ??= wrapWithPassphrase('AGE-SECRET-KEY-1DUMMY', randomBytes(16).toString('hex'), parts.passphraseWorkFactor ?? PASSPHRASE_WORK_FACTOR);
      const identity = await unwrapWithPassphrase(account?.wrappedIdentity ?? (await dummyBox), passphrase);
      const fail = (): LoginResult => {
        loginThrottle.fail(clientAddress);
        if (account) accounts.recordFailure(account.id, now() + waitAfter(account.failedLogins + 1));
        return { kind: 'failed' };
      };
      if (!account || !identity) return fail();

      if (!account.totpSecret) {
        const setUp = { accountId: account.id, email: account.email, identity, secret: newTotpSecret(), recoveryCodes: newRecoveryCodes() };
        return { kind: 'set-up', setUp: setUpView(setUp, setUps.create(setUp)) };
      }
      const secret = await decryptWith([identity], account.totpSecret);
      if (!secret) return fail();
      if (isRecoveryCode(code) && !/^\d+$/.test(code.trim())) {
        const used = await matchRecoveryCode(code, account.recoveryCodes);
        if (used < 0) return fail();
        accounts.useRecoveryCodes(account.id, account.recoveryCodes.filter((_, i) => i !== used));
      } else {
        const step = verifyTotp(JSON.parse(secret) as string, code, now(), account.lastTotpStep);
        if (step === undefined) return fail();
        accounts.setLastTotpStep(account.id, step);
      }
      accounts.clearFailures(account.id);
      loginThrottle.succeed(clientAddress);
      return { kind: 'signed-in', session: startSession(account, identity) };
    },

    async confirmSetUp(pending, code) {
      const setUp = setUps.get(pending);
      const account = setUp && accounts.byId(setUp.accountId);
      if (!setUp || !account) return { kind: 'expired' };
      const step = verifyTotp(setUp.secret, code, now(), 0);
      if (step === undefined) return { kind: 'failed', setUp: setUpView(setUp, pending) };
      const hashes = await Promise.all(setUp.recoveryCodes.map(hashRecoveryCode));
      accounts.setSecondFactor(account.id, await encryptTo([account.recipient], JSON.stringify(setUp.secret)), hashes);
      accounts.setLastTotpStep(account.id, step);
      accounts.clearFailures(account.id);
      setUps.delete(pending);
      return { kind: 'signed-in', session: startSession(account, setUp.identity) };
    },

    session(id) {
      const session = liveSession(id);
      return session && { email: session.email, csrf: session.csrf };
    },
    logout: (id) => sessions.delete(id),

    cases(id) {
      const session = liveSession(id);
      return session ? cases.list(kindsOf(session.email)).map(summary) : [];
    },

    async open(id, reference, purpose = 'read'): Promise<CaseView | undefined> {
      const session = liveSession(id);
      const row = session && caseFor(session, reference);
      if (!session || !row) return undefined;
      const messages = await vault.read(row, [session.identity]);
      cases.logAccess(row.id, session.email, purpose === 'print' ? 'afgedrukt' : 'geopend', now());
      if (purpose === 'read') cases.markRead(row.id);
      const fresh = cases.byReference(reference)!;
      return {
        ...summary(fresh),
        messages: messages.map(({ author, account, createdAt, content }) => ({ author, account, createdAt, content })),
        readable: messages[0]?.content !== undefined,
        access: cases.accessLog(row.id),
      };
    },

    async act(id, reference, action: CaseAction) {
      const session = liveSession(id);
      const row = session && caseFor(session, reference);
      if (!session || !row) return false;
      if (action.kind === 'reply' || action.kind === 'note') {
        await vault.add(row, action.kind === 'reply' ? 'antwoord' : 'notitie', action.text, session.email);
        cases.logAccess(row.id, session.email, action.kind === 'reply' ? 'antwoord geschreven' : 'notitie geschreven', now());
      } else {
        cases.setStatus(row.id, action.kind === 'close' ? 'afgesloten' : 'in-behandeling', now());
        cases.logAccess(row.id, session.email, action.kind === 'close' ? 'afgesloten' : 'heropend', now());
      }
      return true;
    },
  };

  return { reports, followUp, inbox };
}
