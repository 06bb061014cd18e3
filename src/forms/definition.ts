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

export interface FormDefinition<Schema extends z.ZodType = z.ZodType> {
  /** Stable id, stored with each submission (e.g. "melding"). */
  id: string;
  /** What the e-mail calls a submission of this form. */
  noun: string;
  sections: Section[];
  schema: Schema;
  /** Largest request body accepted, in bytes; larger bodies get 413. */
  maxBodyBytes: number;
  /** Which routing-table entry in the settings receives a submission. */
  route(data: z.infer<Schema>): keyof Settings['routing'];
  /** The e-mail subject for the recipients, without the reference. */
  subject(data: z.infer<Schema>): string;
  /** Where the visitor goes after a successful submission. */
  confirmationPath(reference: string): string;
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
