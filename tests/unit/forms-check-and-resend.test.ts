import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testAppServices } from '../support/app-services.ts';
import { settings } from '../../src/settings.ts';
import { concernForm } from '../../src/forms/concern-form.ts';
import { HONEYPOT_FIELD, STEP_FIELD, TOKEN_FIELD, handleRoutedForm, type FormOutcome } from '../../src/app/forms/pipeline.ts';
import { checkFormToken, formTokenKey, issueFormToken } from '../../src/server/forms/form-token.ts';
import { CONFIRMATION_MS } from '../../src/server/cases/services.ts';

/**
 * The concern form's "Controleer je bericht" step and its protection against a double
 * submission, through the one form pipeline with a real SQLite store.
 */
const origin = 'https://site.test';
const answers = { soort: 'persoon', rol: 'ouder', bezorgdheid: 'Mijn zoon deelt filmpjes die andere groepen belachelijk maken.', leeftijd: 'minderjarig', contact: 'anoniem', momenten: ['voormiddag', 'avond'] };

function setup(rateLimit = 10_000, storeCase?: () => Promise<string>) {
  const { store, secret, services, clock } = testAppServices({ posts: rateLimit, origin });
  const now = clock.now;
  const token = issueFormToken(secret, now - 60_000);
  const post = (fields: Record<string, string | string[]>): Promise<FormOutcome> => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries({ [TOKEN_FIELD]: token, [HONEYPOT_FIELD]: '', ...fields })) for (const v of [value].flat()) body.append(name, v);
    return handleRoutedForm(concernForm, {
      request: new Request(`${origin}/melden/formulier`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() }),
      clientAddress: '192.0.2.1',
      services,
    }, storeCase ? { store: storeCase } : {});
  };
  return { store, secret, token, post, clock, issue: () => issueFormToken(secret, now - 60_000) };
}

describe('"Controleer je bericht" before sending', () => {
  it('shows every answer on the check page after a valid post, and stores nothing yet', async () => {
    const { store, post } = setup();
    const outcome = await post(answers);
    expect(outcome).toMatchObject({ kind: 'show', status: 200, review: true, errors: [] });
    if (outcome.kind !== 'show') throw new Error('expected the check page');
    // Everything typed comes back, and the step button is not one of the answers.
    expect(outcome.values).toEqual(answers);
    expect(store.counts().submissions).toBe(0);
  });

  it('goes back to the questions with every answer on "Wijzig", and stores nothing', async () => {
    const { store, post } = setup();
    const outcome = await post({ ...answers, [STEP_FIELD]: 'wijzig' });
    expect(outcome).toMatchObject({ kind: 'show', status: 200, errors: [], values: answers });
    expect(outcome.kind === 'show' && outcome.review).toBeFalsy();
    expect(store.counts().submissions).toBe(0);
  });

  it('checks the answers again on "Verstuur": a wrong one shows the error summary with everything kept', async () => {
    const { store, post } = setup();
    const tampered = { ...answers, bezorgdheid: '', [STEP_FIELD]: 'verstuur' };
    const outcome = await post(tampered);
    expect(outcome).toMatchObject({ kind: 'show', status: 422, errors: [{ field: 'bezorgdheid' }] });
    expect(outcome.kind === 'show' && outcome.values.plaats === undefined && outcome.values.rol).toBe(answers.rol);
    expect(store.counts().submissions).toBe(0);
  });

  it('stores on "Verstuur", without the step in the stored answers', async () => {
    const { store, post } = setup();
    const outcome = await post({ ...answers, [STEP_FIELD]: 'verstuur' });
    expect(outcome.kind).toBe('redirect');
    const reference = outcome.kind === 'redirect' ? outcome.location.split('/').at(-1)! : '';
    expect(store.counts().submissions).toBe(1);
    expect(JSON.stringify(store.payload(reference, concernForm.stored))).not.toContain(STEP_FIELD);
  });
});

describe('the rate limit', () => {
  it('counts only posts that store: checking and changing answers never use it up', async () => {
    const { store, post } = setup(1);
    for (let i = 0; i < 3; i++) {
      expect(await post(answers)).toMatchObject({ kind: 'show', review: true });
      expect(await post({ ...answers, [STEP_FIELD]: 'wijzig' })).toMatchObject({ kind: 'show', status: 200 });
    }
    expect((await post({ ...answers, [STEP_FIELD]: 'verstuur' })).kind).toBe('redirect');
    expect(await post({ ...answers, [STEP_FIELD]: 'verstuur' })).toMatchObject({ kind: 'show', status: 429 });
    expect(store.counts().submissions).toBe(1);
  });
});

describe('a double submission', () => {
  it('stores one case and answers the second post with the same confirmation', async () => {
    const { store, post } = setup();
    const first = await post({ ...answers, [STEP_FIELD]: 'verstuur' });
    const second = await post({ ...answers, bezorgdheid: `${answers.bezorgdheid} Nog eens verstuurd.`, [STEP_FIELD]: 'verstuur' });
    expect(first.kind).toBe('redirect');
    expect(second).toEqual(first);
    expect(store.counts()).toMatchObject({ submissions: 1, pending: settings.routing.concernPerson.length });
  });

  it('stores two cases for two forms shown, even in the same millisecond', async () => {
    const { store, post, issue } = setup();
    const a = await post({ ...answers, [STEP_FIELD]: 'verstuur', [TOKEN_FIELD]: issue() });
    const b = await post({ ...answers, [STEP_FIELD]: 'verstuur', [TOKEN_FIELD]: issue() });
    expect(a).not.toEqual(b);
    expect(store.counts().submissions).toBe(2);
  });
});

describe('a double submission of a confidential report (stored as an encrypted case)', () => {
  /** Stands in for `reports.submit`: counts the cases and answers with a new confirmation token each time. */
  function caseStore({ failFirst = false } = {}) {
    const calls = { count: 0 };
    const run = async () => {
      calls.count++;
      await new Promise((resolve) => setImmediate(resolve));
      if (failFirst && calls.count === 1) throw new Error('disk full');
      return `bevestiging-${calls.count}`;
    };
    return { calls, run };
  }
  const send = { ...answers, [STEP_FIELD]: 'verstuur' };

  it('stores one case for two posts at once, and both lead to the same confirmation', async () => {
    const cases = caseStore();
    const { post } = setup(10_000, cases.run);
    const [a, b] = await Promise.all([post(send), post(send)]);
    expect(a).toEqual({ kind: 'redirect', location: '/melden/ontvangen/bevestiging-1' });
    expect(b).toEqual(a);
    expect(cases.calls.count).toBe(1);
  });

  it('leads a resend after Back to the same confirmation, and counts one stored report against the limit', async () => {
    const cases = caseStore();
    const { post, issue } = setup(10_000, cases.run);
    const first = await post(send);
    const again = await post({ ...send, bezorgdheid: `${answers.bezorgdheid} Nog eens.` });
    expect(again).toEqual(first);
    expect(cases.calls.count).toBe(1);
    // A new form is a new report.
    expect(await post({ ...send, [TOKEN_FIELD]: issue() })).toEqual({ kind: 'redirect', location: '/melden/ontvangen/bevestiging-2' });
  });

  it('says plainly that it was sent already once the confirmation is gone, and stores nothing new', async () => {
    const cases = caseStore();
    const { post, clock } = setup(10_000, cases.run);
    await post(send);
    clock.now += CONFIRMATION_MS;
    const late = await post(send);
    expect(late).toMatchObject({ kind: 'show', status: 409, values: answers });
    expect(late.kind === 'show' && late.notice).toContain('al eens verstuurd');
    expect(cases.calls.count).toBe(1);
  });

  it('does not remember a store that failed: the person gets a fresh token that stores', async () => {
    const cases = caseStore({ failFirst: true });
    const { post } = setup(10_000, cases.run);
    const failed = await post(send);
    expect(failed).toMatchObject({ kind: 'show', status: 503 });
    if (failed.kind !== 'show') throw new Error('expected the form again');
    expect(await post({ ...send, [TOKEN_FIELD]: failed.token })).toEqual({ kind: 'redirect', location: '/melden/ontvangen/bevestiging-2' });
  });
});

describe('form tokens carry a random id', () => {
  it('are unique per shown form, signed as a whole, and stored only as a hash', () => {
    const secret = randomBytes(32);
    const tokens = new Set(Array.from({ length: 100 }, () => issueFormToken(secret, 1_000_000)));
    expect(tokens.size).toBe(100);
    const [token] = tokens;
    expect(checkFormToken(secret, token, 1_010_000, 3000)).toBe('ok');
    const [issued, id, signature] = token!.split('.');
    expect(checkFormToken(secret, `${issued}.${id!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}.${signature}`, 1_010_000, 3000)).toBe('invalid');
    expect(formTokenKey(token!)).not.toContain(issued!);
    expect(formTokenKey(token!)).toBe(formTokenKey(token!));
  });
});
