import type { z } from 'astro/zod';
import type { Settings } from '../schemas/settings.ts';

/**
 * A form is described once: its questions (for rendering and for the e-mail), its zod schema
 * (for validation on the server), and where submissions go. Every form on the site is served
 * by the same page components and the same server handler from such a definition.
 */
export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface FieldBase {
  /** The form field name, also the key in the validated data. */
  name: string;
  label: string;
  /**
   * How an error message names the answer inside a sentence, when the label does not read
   * that way: "wie je bent" gives "Kies wie je bent.". Default: the label, lower-cased first
   * letter ("Je naam" gives "Vul je naam in.").
   */
  inSentence?: string;
  /** Help text under the label. */
  hint?: string;
  /** Shown as "(niet verplicht)" after the label. */
  optional?: boolean;
  /**
   * Only relevant after this answer to another question. With JavaScript the question is hidden
   * until then; without it, it stays visible and the schema must ignore it otherwise.
   */
  shownWhen?: { field: string; value: string };
}

export interface TextField extends FieldBase {
  type: 'text' | 'email' | 'tel' | 'number' | 'date';
  autocomplete?: string;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric';
  maxLength?: number;
  /** Width in characters, a hint to the expected answer length. */
  width?: 'short' | 'medium' | 'long';
  spellcheck?: boolean;
}

export interface TextareaField extends FieldBase {
  type: 'textarea';
  maxLength: number;
  rows?: number;
}

export interface ChoiceField extends FieldBase {
  type: 'radios' | 'checkboxes' | 'select';
  options: Option[];
  /** Show the options side by side (short answers such as ja/nee). */
  inline?: boolean;
}

export type Field = TextField | TextareaField | ChoiceField;

/** One topic: a fieldset with a legend, GOV.UK's "one question per topic". */
export interface Section {
  id: string;
  legend: string;
  hint?: string;
  fields: Field[];
}

export type FormValues = Record<string, string | string[]>;

/** A routing-table entry in the settings: who receives a kind of submission. */
export type RouteName = keyof Settings['routing'];

/** The forms whose submissions are stored: their ids, also stored with each submission. */
export type FormKind = 'melding' | 'boeking';

/** What every form has: its questions (for rendering and mail) and its zod schema (for validation). */
export interface FormDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Stable id (e.g. "melding"); also the anchor of the form's CSS and tests. */
  id: string;
  sections: Section[];
  schema: Schema;
  /** Largest request body accepted, in bytes; larger bodies get 413. */
  maxBodyBytes: number;
}

/** The shape of a stored payload, versioned so that a deploy never silently misreads older ones. */
export interface StoredPayload<Data = unknown> {
  /** Raise it whenever `schema` changes; stored payloads of another version are an operator alert. */
  version: number;
  /** The schema's output as stored: read back with this, never cast. */
  schema: z.ZodType<Data>;
}

/**
 * A form whose submissions are stored and delivered to the recipients of one routing-table
 * entry (the concern form, the workshop booking). Decision forms are plain `FormDefinition`s.
 */
export interface RoutedForm<Data = unknown, Schema extends z.ZodType<Data> = z.ZodType<Data>> extends FormDefinition<Schema> {
  id: FormKind;
  /** How a submission is stored; the form's validated output must fit it (the type says so). */
  stored: StoredPayload<Data>;
  /** Which routing-table entry in the settings receives a submission. */
  route(data: Data): RouteName;
  /** The e-mail subject for the recipients, without the reference. */
  subject(data: Data): string;
  /** Where the visitor goes after a successful submission. */
  confirmationPath(reference: string): string;
  /**
   * A "Controleer je bericht" step (GOV.UK's check answers) before anything is stored: a valid
   * post shows every answer with a way back to each question, and only "Verstuur" stores.
   */
  checkAnswers?: boolean;
}

export function allFields(definition: Pick<FormDefinition, 'sections'>): Field[] {
  return definition.sections.flatMap((section) => section.fields);
}

/** The visible label of a stored value: option labels for choices, the text itself otherwise. */
export function displayValue(field: Field, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.type === 'radios' || field.type === 'checkboxes' || field.type === 'select') {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join(', ');
  }
  return String(value);
}
