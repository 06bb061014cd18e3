import type { z } from 'astro/zod';
import { allFields, type FormDefinition, type FormValues, type RoutedForm } from '../../forms/definition.ts';
import { formValues, validateForm, type FieldError } from '../../forms/validation.ts';
import { generateReference } from '../../forms/reference.ts';
import { errorKind } from '../../lib/error-kind.ts';
import type { AppServices } from '../services.ts';

/** Names of the two hidden anti-abuse fields; they never reach validation or storage. */
export const TOKEN_FIELD = '_start';
export const HONEYPOT_FIELD = 'homepage';

/**
 * The button that says what a post of a form with a check step asks for: "wijzig" goes back to
 * the questions, "verstuur" stores; anything else (the form's own button) shows the check page.
 * Like the token, it never reaches validation or storage.
 */
export const STEP_FIELD = '_stap';
export type Step = 'controleer' | 'wijzig' | 'verstuur';

/** What a form page shows: the form again, with the values kept, errors and a notice. */
export interface ShowForm {
  kind: 'show';
  status: number;
  values: FormValues;
  errors: FieldError[];
  token: string;
  notice?: string;
  /** Show the check page ("Controleer je bericht") with these valid, still unsent values. */
  review?: true;
}

export type FormOutcome = ShowForm | { kind: 'redirect'; location: string };

export interface FormRequest {
  request: Request;
  clientAddress: string;
  services: AppServices;
}

/** An answer that passed validation but cannot be accepted (e.g. the last place was just taken). */
export class FormRejection extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

const RATE_NOTICE = 'Er zijn veel berichten na elkaar verstuurd vanaf jouw verbinding. Wacht tien minuten en verstuur het dan opnieuw. Wat je schreef, staat nog hieronder.';
const RESEND_NOTICE = 'Je bericht is nog niet verstuurd. We konden het formulier niet controleren, bijvoorbeeld omdat het heel snel verstuurd werd of lang openstond. Kijk je antwoorden na en klik opnieuw op versturen. Alles wat je schreef, staat nog hieronder.';
const ALREADY_SENT_NOTICE = 'Dit formulier werd al eens verstuurd. Kreeg je toen een referentienummer? Dan is je bericht goed aangekomen en hoef je niets meer te doen. Zo niet, klik dan opnieuw op versturen. Wat je schreef, staat nog hieronder.';

/** Thrown inside the storing transaction when the form's token stored a submission already (a replay). */
class TokenAlreadyUsed extends Error {}

interface ReceiveOptions {
  /** Values to start a new form with, e.g. the topic chosen in the triage. */
  initial?: FormValues;
  /** The shortest time a person needs for this form; a faster post is shown again to be checked and sent again. */
  minFillMs: number;
  /** What a filled honeypot is told; the default shows the form again. Nothing is stored either way. */
  bot?(): FormOutcome;
  /** The form has a check step (`RoutedForm.checkAnswers`): only its "Verstuur" counts towards the rate limit. */
  checkStep?: boolean;
}

type Received<Data> = ShowForm | { kind: 'bot'; outcome: FormOutcome } | { kind: 'valid'; data: Data; values: FormValues; token: string; step: Step };

/**
 * The checks every form post on the site passes, in this order: method, origin, content type,
 * size, rate, honeypot and token, then the form's zod schema. GET shows the form. Whatever goes
 * wrong, what the person typed is shown again with a Dutch message.
 */
export async function receiveForm<S extends z.ZodType>(definition: FormDefinition<S>, { request, clientAddress, services }: FormRequest, options: ReceiveOptions): Promise<Received<z.output<S>>> {
  const { forms } = services;
  const freshToken = forms.issueToken();
  const show = (status: number, values: FormValues, token = freshToken, errors: FieldError[] = [], notice?: string): ShowForm => ({ kind: 'show', status, values, errors, token, notice });

  if (request.method === 'GET' || request.method === 'HEAD') return show(200, options.initial ?? {});
  if (request.method !== 'POST') return show(405, {}, freshToken, [], 'Dit formulier kan alleen zo verstuurd worden.');
  if (!sameOrigin(request, forms.siteOrigin)) {
    return show(403, {}, freshToken, [], 'Je bericht kwam niet van deze website en is niet verstuurd. Vul het formulier hieronder in.');
  }
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return show(415, {}, freshToken, [], 'Je bericht kon niet gelezen worden. Vul het formulier opnieuw in.');
  }
  const body = await readBody(request, definition.maxBodyBytes);
  if (body === undefined) {
    return show(413, {}, freshToken, [], 'Je bericht is te lang om te versturen. Maak je tekst korter en probeer opnieuw.');
  }
  const params = new URLSearchParams(body);
  const token = params.get(TOKEN_FIELD) ?? undefined;
  const honeypot = params.get(HONEYPOT_FIELD) ?? '';
  const requested = params.get(STEP_FIELD);
  const step: Step = requested === 'wijzig' || requested === 'verstuur' ? requested : 'controleer';
  params.delete(TOKEN_FIELD);
  params.delete(HONEYPOT_FIELD);
  params.delete(STEP_FIELD);
  const multiple = new Set(allFields(definition).filter((f) => f.type === 'checkboxes').map((f) => f.name));
  const values = formValues(params, multiple);
  const keptToken = token && forms.checkToken(token, 0) === 'ok' ? token : freshToken;

  // The limit guards storage and mail. Looking over one's answers and changing them stores
  // nothing, so a person who corrects a few things is never stopped for it.
  const stores = !options.checkStep || step === 'verstuur';
  if (stores && !forms.allowPost(clientAddress)) return show(429, values, keptToken, [], RATE_NOTICE);
  // Only a filled honeypot, which no person sees, is treated as a bot.
  if (honeypot !== '') return { kind: 'bot', outcome: options.bot?.() ?? show(200, values) };
  // A post that came too fast, or whose token is too old, forged or from another server key,
  // may still be a person: show everything again with a fresh token. Nothing was stored, and we say so.
  if (forms.checkToken(token, options.minFillMs) !== 'ok') return show(400, values, freshToken, [], RESEND_NOTICE);
  const result = validateForm(definition, values);
  if (!result.ok) return show(422, values, keptToken, result.errors);
  return { kind: 'valid', data: result.data, values, token: keptToken, step };
}

interface RoutedOptions<Data> {
  initial?: FormValues;
  /** Messages beyond the routed recipients (e.g. an acknowledgement to the sender). */
  extraMessages?(data: Data): { message: string; recipient: string }[];
  /**
   * Work that must happen in the same transaction as storing (e.g. taking a workshop place).
   * Throwing a `FormRejection` turns into an error on the form; nothing is stored.
   */
  reserve?(data: Data, reference: string, clientAddress: string): void;
  /** The routed recipients get it later (see `NewSubmission.routeLater`). */
  routeLater?: boolean;
  /**
   * Stores the submission another way and returns what the confirmation path takes: the concern
   * form hands its answers to `services.reports`, which encrypts them into a case (README,
   * "Confidential reporting") and answers with a one-time token.
   */
  store?(data: Data): Promise<string>;
}

/**
 * A routed form (the concern form, the workshop booking): after the checks, the submission and
 * its delivery jobs are committed, and only then is the visitor sent on to the confirmation.
 * A form with `checkAnswers` first shows the check page; its "Verstuur" stores. A second post
 * with the same form token stores nothing new and leads to the first one's confirmation.
 */
export async function handleRoutedForm<Data, S extends z.ZodType<Data>>(definition: RoutedForm<Data, S>, request: FormRequest, options: RoutedOptions<Data> = {}): Promise<FormOutcome> {
  const { services } = request;
  const received = await receiveForm(definition, request, {
    initial: options.initial,
    minFillMs: services.forms.minFillMs,
    checkStep: definition.checkAnswers,
    // A bot is answered as if all went well: it learns nothing, and nothing is stored.
    bot: () => ({ kind: 'redirect', location: definition.confirmationPath(generateReference()) }),
  });
  if (received.kind === 'show') return received;
  if (received.kind === 'bot') return received.outcome;
  const { data, values, token, step } = received;
  if (definition.checkAnswers && step === 'wijzig') return { kind: 'show', status: 200, values, token, errors: [] };
  if (definition.checkAnswers && step === 'controleer') return { kind: 'show', status: 200, values, token, errors: [], review: true };
  if (!services.forms.mayStore(request.clientAddress)) return { kind: 'show', status: 429, values, token, errors: [], notice: RATE_NOTICE };
  try {
    if (options.store) {
      // One token, one case: a refresh, a resend after Back or a double click stores nothing
      // new and leads to the same confirmation while the host remembers it.
      const store = options.store;
      let storedNow = false;
      const stored = await services.forms.storeOnce(token, () => {
        storedNow = true;
        return store(data);
      });
      if (stored === undefined) throw new TokenAlreadyUsed();
      // Only the post that stored counts against the client's budget.
      if (storedNow) services.forms.stored(request.clientAddress);
      return { kind: 'redirect', location: definition.confirmationPath(stored) };
    }
    const reference = services.submissions.save(
      {
        form: definition.id,
        version: definition.stored.version,
        route: definition.route(data),
        payload: data,
        extraMessages: options.extraMessages?.(data) ?? [],
        routeLater: options.routeLater,
        token,
      },
      (reference) => {
        if (!services.forms.useToken(token)) throw new TokenAlreadyUsed();
        options.reserve?.(data, reference, request.clientAddress);
      },
    );
    services.forms.stored(request.clientAddress);
    return { kind: 'redirect', location: definition.confirmationPath(reference) };
  } catch (error) {
    if (error instanceof FormRejection) return { kind: 'show', status: 409, values, token, errors: [{ field: error.field, message: error.message }] };
    if (error instanceof TokenAlreadyUsed) return { kind: 'show', status: 409, values, token: services.forms.issueToken(), errors: [], notice: ALREADY_SENT_NOTICE };
    console.error(`[forms] a submission could not be stored (${errorKind(error)})`);
    return {
      kind: 'show',
      status: 503,
      values,
      // A fresh token: the one sent may be marked used, and the person must be able to send again.
      token: services.forms.issueToken(),
      errors: [],
      notice: 'Je bericht kon niet bewaard worden door een storing. Er is niets verstuurd. Probeer het over enkele minuten opnieuw. Wat je schreef, staat nog hieronder.',
    };
  }
}

/**
 * A form post must come from this site. Browsers say so in Sec-Fetch-Site. Because every page
 * sends Referrer-Policy: no-referrer, their Origin header on our own form posts is "null", so
 * Origin only decides when it names a real origin. Older browsers without either header are
 * let through: the signed form token, which another site cannot read, still stops forgeries.
 */
export function sameOrigin(request: Request, siteOrigin: string): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  const origin = request.headers.get('origin');
  if (origin === null || origin === 'null') return true;
  if (origin === siteOrigin) return true;
  try {
    return new URL(origin).host === request.headers.get('host');
  } catch {
    return false;
  }
}

/** Reads at most `limit` bytes; undefined when the body is larger. */
export async function readBody(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
