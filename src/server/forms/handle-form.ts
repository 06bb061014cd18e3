import { allFields, type FormDefinition, type FormValues } from '../../forms/definition.ts';
import { formValues, validateForm, type FieldError } from '../../forms/validation.ts';
import type { FormServices } from './form-services.ts';
import { checkFormToken, issueFormToken } from './form-token.ts';
import { generateReference } from './reference.ts';

/** Names of the two hidden anti-abuse fields; they never reach validation or storage. */
export const TOKEN_FIELD = '_start';
export const HONEYPOT_FIELD = 'homepage';

export interface ExtraMessage {
  message: string;
  recipient: string;
}

export type FormOutcome =
  | { kind: 'show'; status: number; values: FormValues; errors: FieldError[]; token: string; notice?: string }
  | { kind: 'redirect'; location: string };

interface FormRequest {
  request: Request;
  clientAddress: string;
  services: FormServices | undefined;
}

interface HandleOptions<D> {
  /** Values to start a new form with, e.g. the topic chosen in the triage. */
  initial?: FormValues;
  /** Messages beyond the routed recipients (e.g. an acknowledgement to the sender). */
  extraMessages?(data: D): ExtraMessage[];
  /**
   * Work that must happen in the same transaction as storing (e.g. reserving a workshop
   * place). Throwing a `FormRejection` turns into an error on the form, nothing is stored.
   */
  reserve?(data: D, reference: string, services: FormServices): void;
  /**
   * Stores the submission another way (the concern form: encrypted, as a case) and returns where
   * the visitor goes next. Throwing means nothing was stored.
   */
  submit?(data: D, services: FormServices): Promise<string>;
}

/** An answer that passed validation but cannot be accepted (e.g. the last place was just taken). */
export class FormRejection extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}

const show = (status: number, values: FormValues, token: string, errors: FieldError[] = [], notice?: string): FormOutcome => ({ kind: 'show', status, values, errors, token, notice });

/**
 * The one handler behind every form on the site. GET shows the form; POST checks where the
 * request comes from, its size and rate, filters bots, validates with the form's zod schema,
 * and only after the submission and its delivery jobs are committed sends the visitor on to
 * the confirmation. Whatever goes wrong, what the person typed is shown again.
 */
export async function handleForm<D>(definition: FormDefinition, { request, clientAddress, services }: FormRequest, options: HandleOptions<D> = {}): Promise<FormOutcome> {
  if (!services) {
    return show(503, options.initial ?? {}, '', [], 'Dit formulier werkt nu niet. Probeer het later opnieuw, of bel of mail het aanspreekpunt.');
  }
  const now = services.now();
  const freshToken = issueFormToken(services.secret, now);
  if (request.method === 'GET' || request.method === 'HEAD') return show(200, options.initial ?? {}, freshToken);
  if (request.method !== 'POST') return show(405, {}, freshToken, [], 'Dit formulier kan alleen zo verstuurd worden.');

  if (!sameOrigin(request, services.siteOrigin)) {
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
  params.delete(TOKEN_FIELD);
  params.delete(HONEYPOT_FIELD);
  const multiple = new Set(allFields(definition).filter((f) => f.type === 'checkboxes').map((f) => f.name));
  const values = formValues(params, multiple);
  const keptToken = token && checkFormToken(services.secret, token, now, 0) === 'ok' ? token : freshToken;

  if (!services.rateLimiter.allow(clientAddress, now)) {
    return show(429, values, keptToken, [], 'Er zijn veel berichten na elkaar verstuurd vanaf jouw verbinding. Wacht tien minuten en verstuur het dan opnieuw. Wat je schreef, staat nog hieronder.');
  }
  if (honeypot !== '' || checkFormToken(services.secret, token, now, services.minFillMs) !== 'ok') {
    // A bot: answer as if all went well, and store or send nothing.
    return { kind: 'redirect', location: definition.confirmationPath(generateReference()) };
  }

  const result = validateForm(definition, values);
  if (!result.ok) return show(422, values, keptToken, result.errors);
  const data = result.data as D;

  if (options.submit) {
    try {
      return { kind: 'redirect', location: await options.submit(data, services) };
    } catch {
      console.error('[forms] a submission could not be stored');
      return show(503, values, keptToken, [], 'Je bericht kon niet bewaard worden door een storing. Er is niets verstuurd. Probeer het over enkele minuten opnieuw. Wat je schreef, staat nog hieronder.');
    }
  }
  for (let attempt = 0; ; attempt++) {
    const reference = generateReference();
    try {
      services.store.save(
        {
          reference,
          form: definition.id,
          route: definition.route(data as never),
          payload: data,
          messages: [
            ...services.routing[definition.route(data as never)].map((recipient) => ({ message: definition.id, recipient })),
            ...(options.extraMessages?.(data) ?? []),
          ],
        },
        now,
        () => options.reserve?.(data, reference, services),
      );
      services.submitted();
      return { kind: 'redirect', location: definition.confirmationPath(reference) };
    } catch (error) {
      if (error instanceof FormRejection) return show(409, values, keptToken, [{ field: error.field, message: error.message }]);
      // A reference collision is astronomically rare; anything else is a real storage failure.
      if (attempt < 3 && /UNIQUE constraint failed: submissions\.reference/.test(String(error))) continue;
      console.error('[forms] a submission could not be stored');
      return show(503, values, keptToken, [], 'Je bericht kon niet bewaard worden door een storing. Er is niets verstuurd. Probeer het over enkele minuten opnieuw. Wat je schreef, staat nog hieronder.');
    }
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
