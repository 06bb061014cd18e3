import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testAppServices } from '../support/app-services.ts';
import { settings } from '../../src/settings.ts';
import { concernForm } from '../../src/forms/concern-form.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD, handleRoutedForm, type FormOutcome } from '../../src/app/forms/pipeline.ts';
import { FORM_TOKEN_VALIDITY_MS, issueFormToken } from '../../src/server/forms/form-token.ts';
import { readFileSync } from 'node:fs';
import { readServerConfig } from '../../src/server/config.ts';
import { startServices } from '../../src/server/services.ts';
import { SECRET_FILE } from '../../src/server/secret.ts';

const origin = 'https://site.test';
const answers = { soort: 'persoon', rol: 'ouder', bezorgdheid: 'Mijn zoon praat de laatste tijd heel hard over anderen.', leeftijd: 'minderjarig', contact: 'anoniem' };
// Posted as the check page's "Verstuur" posts it, so it is stored at once.
const concern = { _stap: 'verstuur', ...answers };

/** The concern form's pipeline with a real store, a hand-moved clock and production budgets. */
function setup({ posts = 60, stored = 10, minFillMs = 3000 } = {}) {
  const { db, store, secret, services, clock } = testAppServices({ posts, stored, minFillMs, origin });
  clock.now = 1_800_000_000_000;
  const post = (values: Record<string, string>, clientAddress = '192.0.2.1') =>
    handleRoutedForm(concernForm, {
      request: new Request(`${origin}/melden/formulier`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ [HONEYPOT_FIELD]: '', ...values }).toString(),
      }),
      clientAddress,
      services,
    });
  /** A token shown a minute ago, as a person who took their time has. */
  const token = (shownAgoMs = 60_000) => issueFormToken(secret, clock.now - shownAgoMs);
  return { store, services, clock, post, token };
}

function shown(outcome: FormOutcome) {
  if (outcome.kind !== 'show') throw new Error(`expected the form again, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('nobody is told "received" while nothing was stored', () => {
  it('shows a too-fast post again with everything kept, a calm message and a fresh token', async () => {
    const { post, store, token } = setup();
    const first = token(500);
    const outcome = shown(await post({ [TOKEN_FIELD]: first, ...concern }));
    expect(outcome.status).toBe(400);
    expect(outcome.values).toMatchObject(answers);
    expect(outcome.notice).toMatch(/^Je bericht is nog niet verstuurd\. .*Kijk je antwoorden na en klik opnieuw op versturen/);
    expect(outcome.token).not.toBe(first);
    expect(store.counts().submissions).toBe(0);
  });

  it('treats a token signed with another key (a restored or new data folder) the same way', async () => {
    const { post, store } = setup();
    const foreign = issueFormToken(randomBytes(32), 1_800_000_000_000 - 60_000);
    for (const value of [foreign, '', 'abc.def']) {
      const outcome = shown(await post({ [TOKEN_FIELD]: value, ...concern }));
      expect(outcome.status).toBe(400);
      expect(outcome.values).toMatchObject(answers);
    }
    expect(store.counts().submissions).toBe(0);
  });

  it('gives a filled honeypot, and only that, a normal-looking answer with nothing stored', async () => {
    const { post, store, token } = setup();
    const outcome = await post({ [TOKEN_FIELD]: token(), ...concern, [HONEYPOT_FIELD]: 'https://spam.example' });
    expect(outcome.kind).toBe('redirect');
    expect(store.counts().submissions).toBe(0);
  });

  it('stores a post with a valid token that took its time', async () => {
    const { post, store, token } = setup();
    expect((await post({ [TOKEN_FIELD]: token(), ...concern })).kind).toBe('redirect');
    expect(store.counts().submissions).toBe(1);
  });
});

describe('form tokens', () => {
  it('expire after a day: the form is shown again, nothing is lost', async () => {
    const { post, store, token } = setup();
    const outcome = shown(await post({ [TOKEN_FIELD]: token(FORM_TOKEN_VALIDITY_MS + 1), ...concern }));
    expect(outcome.status).toBe(400);
    expect(outcome.values).toMatchObject(answers);
    expect(store.counts().submissions).toBe(0);
  });

  it('store one submission each: a replayed post is not stored again and leads to the same confirmation', async () => {
    const { post, store, token } = setup();
    const once = token();
    const first = await post({ [TOKEN_FIELD]: once, ...concern });
    expect(first.kind).toBe('redirect');
    expect(await post({ [TOKEN_FIELD]: once, ...concern })).toEqual(first);
    expect(store.counts().submissions).toBe(1);
  });
});

describe('rate limits', () => {
  it('let someone with ten typing mistakes still send, with the production budgets', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'pipeline-prod-'));
    const running = startServices(readServerConfig({ DATA_DIR: dataDir, PORT: '0' }), settings, () => ({ workshops: [], schools: [], periods: [] }), {});
    try {
      const services = running.app;
      const secret = readFileSync(path.join(dataDir, SECRET_FILE));
      const mine = issueFormToken(secret, services.clock.now() - 60_000);
      const post = (values: Record<string, string>) =>
        handleRoutedForm(concernForm, {
          request: new Request(`${services.forms.siteOrigin}/melden/formulier`, { method: 'POST', headers: { origin: services.forms.siteOrigin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ [HONEYPOT_FIELD]: '', [TOKEN_FIELD]: mine, ...values }).toString() }),
          clientAddress: '192.0.2.1',
          services,
        });
      for (let i = 0; i < 10; i++) expect(shown(await post({ ...concern, bezorgdheid: 'kort' })).status).toBe(422);
      expect((await post(concern)).kind).toBe('redirect');
    } finally {
      await running.close();
    }
  });

  it('stop a flood of stored submissions from one client, but not the next client', async () => {
    const { post, store, token } = setup({ stored: 3 });
    for (let i = 0; i < 3; i++) expect((await post({ [TOKEN_FIELD]: token(), ...concern })).kind).toBe('redirect');
    const limited = shown(await post({ [TOKEN_FIELD]: token(), ...concern }));
    expect(limited.status).toBe(429);
    expect(limited.values).toMatchObject(answers);
    expect((await post({ [TOKEN_FIELD]: token(), ...concern }, '192.0.2.2')).kind).toBe('redirect');
    expect(store.counts().submissions).toBe(4);
  });

  it('stop a flood of posts of any kind', async () => {
    const { post, token } = setup({ posts: 5 });
    for (let i = 0; i < 5; i++) expect(shown(await post({ [TOKEN_FIELD]: token(), ...concern, bezorgdheid: '' })).status).toBe(422);
    expect(shown(await post({ [TOKEN_FIELD]: token(), ...concern })).status).toBe(429);
  });
});
