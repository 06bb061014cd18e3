import { z } from 'astro/zod';
import { allFields, type FormDefinition, type FormValues } from './definition.ts';

/** Text that may hold line breaks and tabs, but no other control characters (they hide content in mail). */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

export const noControlCharacters = (value: string) => !controlCharacters.test(value);

/** A free-text answer: trimmed, bounded, free of control characters; empty becomes undefined. */
export function textAnswer(label: string, max: number, { required = false, min = 0 } = {}) {
  // A field the browser did not send at all counts as left empty.
  return z.preprocess((value) => value ?? '', z.string({ error: `${capitalise(label)} moet tekst zijn.` }))
    .pipe(z.string().max(max, { error: `${capitalise(label)} mag hoogstens ${max} tekens lang zijn.` })
    .refine(noControlCharacters, { error: `${capitalise(label)} bevat tekens die niet zijn toegestaan.` })
    .transform((v) => v.trim())
    .refine((v) => !required || v.length > 0, { error: `Vul ${label} in.` })
    .refine((v) => v.length === 0 || v.length >= min, { error: `Schrijf wat meer bij ${label}: minstens ${min} tekens.` })
    .transform((v) => (v.length ? v : undefined)));
}

type Choices = readonly [string, ...string[]];

function requiredChoice<const T extends Choices>(values: T, message: string) {
  return z.enum(values, { error: message });
}

function optionalChoice<const T extends Choices>(values: T, message: string) {
  return z.union([z.enum(values, { error: message }), z.literal('').transform(() => undefined)], { error: message }).optional();
}

/** One choice from a fixed list; when optional, the empty string means "not answered". */
export function choiceAnswer<const T extends Choices>(values: T, message: string, required: true): ReturnType<typeof requiredChoice<T>>;
export function choiceAnswer<const T extends Choices>(values: T, message: string, required?: false): ReturnType<typeof optionalChoice<T>>;
export function choiceAnswer<const T extends Choices>(values: T, message: string, required = false) {
  return required ? requiredChoice(values, message) : optionalChoice(values, message);
}

/** Several choices from a fixed list (checkboxes). */
export function choicesAnswer<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z
    .union([z.enum(values, { error: message }).transform((v) => [v]), z.array(z.enum(values, { error: message })).max(values.length)], { error: message })
    .optional()
    .transform((v) => v ?? []);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * Turns submitted form values into validated data, or into one message per field in the order
 * the fields appear on the page (the error summary lists them in that order). Never throws.
 */
export function validateForm<S extends z.ZodType>(definition: FormDefinition<S>, values: FormValues): ValidationResult<z.infer<S>> {
  const result = definition.schema.safeParse(values);
  const broken = singleLineErrors(definition, values);
  if (result.success && broken.size === 0) return { ok: true, data: result.data };
  const order = allFields(definition).map((f) => f.name);
  const byField = new Map<string, string>(broken);
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.code === 'unrecognized_keys' ? '' : String(issue.path[0] ?? '');
    const message = issue.code === 'unrecognized_keys' ? 'Het formulier bevat velden die we niet kennen. Laad de pagina opnieuw.' : issue.message;
    if (!byField.has(field)) byField.set(field, message);
  }
  const errors = [...byField].map(([field, message]) => ({ field, message }));
  errors.sort((a, b) => rank(order, a.field) - rank(order, b.field));
  return { ok: false, errors };
}

/**
 * Every field that is not a textarea holds one line: a line break in a name, an e-mail address
 * or a class name can only come from a tampered post, and would break the layout of a mail.
 */
function singleLineErrors(definition: FormDefinition, values: FormValues): Map<string, string> {
  const errors = new Map<string, string>();
  for (const field of allFields(definition)) {
    if (field.type === 'textarea' || field.type === 'radios' || field.type === 'checkboxes' || field.type === 'select') continue;
    if ([values[field.name] ?? []].flat().some((v) => /[\r\n]/.test(v))) errors.set(field.name, 'Schrijf dit antwoord op één regel, zonder nieuwe regel.');
  }
  return errors;
}

const rank = (order: string[], field: string) => (order.includes(field) ? order.indexOf(field) : -1);

/** Collects a submitted body into values: repeated names (checkboxes) become arrays. */
export function formValues(params: URLSearchParams, multiple: ReadonlySet<string>): FormValues {
  const values: FormValues = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    values[key] = multiple.has(key) ? all : all[all.length - 1]!;
  }
  return values;
}
