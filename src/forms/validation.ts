import { z } from 'astro/zod';
import { allFields, type FormDefinition, type FormValues } from './definition.ts';
import { dutchErrors, rule } from '../schemas/dutch-errors.ts';

/** Text that may hold line breaks and tabs, but no other control characters (they hide content in mail). */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

export const noControlCharacters = (value: string) => !controlCharacters.test(value);

/**
 * A free-text answer: trimmed, bounded, free of control characters; empty becomes undefined.
 * Its messages come from the form's error map, which names the question (see `formErrors`).
 * `min` is the shortest answer accepted, for a required answer.
 */
export function textAnswer(max: number, { required = false, min = 1 }: { required?: boolean; min?: number } = {}) {
  let trimmed = z.string();
  if (required) trimmed = trimmed.min(1);
  if (required && min > 1) trimmed = trimmed.min(min);
  // A field the browser did not send at all counts as left empty.
  return z.preprocess((value) => value ?? '', z.string())
    .pipe(z.string().max(max).refine(noControlCharacters, rule('bevat tekens die niet zijn toegestaan')))
    .transform((v) => v.trim())
    .pipe(trimmed)
    .transform((v) => (v.length ? v : undefined));
}

type Choices = readonly [string, ...string[]];

/** One choice from a fixed list; when optional, the empty string means "not answered". */
export function choiceAnswer<const T extends Choices>(values: T, required: true): z.ZodEnum<{ [K in T[number]]: K }>;
export function choiceAnswer<const T extends Choices>(values: T, required?: false): z.ZodType<T[number] | undefined, unknown>;
export function choiceAnswer<const T extends Choices>(values: T, required = false) {
  if (required) return z.enum(values);
  return z
    .enum([...values, ''])
    .optional()
    .transform((v) => (v === '' ? undefined : (v as T[number] | undefined)));
}

/** Several choices from a fixed list (checkboxes); one checked box arrives as a single value. */
export function choicesAnswer<const T extends Choices>(values: T) {
  return z.preprocess((v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v), z.array(z.enum(values)).max(values.length));
}

/**
 * The form's error map: a message names the question the way a sentence does ("Vul je naam
 * in.", "Kies wie je bent."), from the field's `inSentence` or else its label.
 */
export function formErrors(definition: Pick<FormDefinition, 'sections'>): z.core.$ZodErrorMap {
  const fields = new Map(allFields(definition).map((f) => [f.name, f]));
  return dutchErrors({
    words: true,
    visitor: true,
    label: (path) => {
      const field = fields.get(String(path[0]));
      return field ? (field.inSentence ?? field.label.charAt(0).toLowerCase() + field.label.slice(1)) : 'dit antwoord';
    },
  });
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
  const result = definition.schema.safeParse(values, { error: formErrors(definition) });
  const broken = singleLineErrors(definition, values);
  if (result.success && broken.size === 0) return { ok: true, data: result.data };
  const order = allFields(definition).map((f) => f.name);
  const byField = new Map<string, string>(broken);
  for (const issue of result.success ? [] : result.error.issues) {
    const field = issue.code === 'unrecognized_keys' ? '' : String(issue.path[0] ?? '');
    if (!byField.has(field)) byField.set(field, issue.message);
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
