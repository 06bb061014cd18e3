import { z } from 'astro/zod';

/**
 * The site's one Dutch error map, for every schema: forms, settings and content. A message is
 * built from what went wrong (the zod issue) and a label for the field, so no schema retypes a
 * field's name:
 *
 * - forms label a field with its question's words ("Vul je e-mailadres in.");
 * - settings and content, checked outside Astro, label it with its path ("identity.logo moet …",
 *   "audiences.1 moet …"), so the printer ("file → message") must not print the path again;
 * - content that Astro itself checks gets "dit veld": Astro prints the path before the message.
 *
 * A schema keeps its own message only for a rule the map cannot know (a contrast, 112); a rule
 * that only needs the field's name in front passes the rest with `rule()`.
 */

type Path = readonly PropertyKey[];

export interface Voice {
  /** How a message names the field at this path, as it reads inside a sentence. */
  label(path: Path): string;
  /** Labels are words ("je naam"), so a sentence that starts with one gets a capital. */
  words?: boolean;
  /** Visitors pick answers from options and never see the values behind them. */
  visitor?: boolean;
}

/**
 * The rest of a sentence after the field's name, for a rule the map cannot phrase itself:
 * `.refine(test, rule('moet een kleur zijn'))`, or on a union `.meta(rule('…').params)`.
 */
export function rule(predicate: string): { params: { rule: string } } {
  return { params: { rule: predicate } };
}

/** The predicate a schema gave with rule(): on a refinement's issue, or on the failing schema. */
function ruleOf(issue: z.core.$ZodRawIssue): string | undefined {
  const own = issue.code === 'custom' ? issue.params?.rule : issue.inst && z.globalRegistry.get(issue.inst as z.ZodType)?.rule;
  return typeof own === 'string' ? own : undefined;
}

/** Settings and content for editors, outside Astro: the label is the dotted path. */
export const byPath: Voice = { label: (path) => path.map(String).join('.') };

/** Content checked by Astro, which prints the path itself. */
export const inAstro: Voice = { label: () => 'dit veld', words: true };

const kinds: Record<string, string> = {
  string: 'moet tekst zijn',
  number: 'moet een getal zijn',
  int: 'moet een geheel getal zijn',
  boolean: 'moet true of false zijn',
  array: 'moet een lijst zijn',
  object: 'moet een groep velden zijn',
  date: 'moet een datum zijn (JJJJ-MM-DD)',
};

const formats: Record<string, string> = {
  email: 'moet een geldig e-mailadres zijn, zoals naam@voorbeeld.be',
  url: 'moet een webadres zijn, zoals https://www.voorbeeld.be',
  date: 'moet een datum zijn (JJJJ-MM-DD)',
};

const points = (n: unknown) => (Number(n) === 1 ? 'één punt' : `${String(n)} punten`);
const shown = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

/** The Dutch sentence for one issue. */
export function dutchMessage(issue: z.core.$ZodRawIssue, voice: Voice): string {
  const path = issue.path ?? [];
  const label = voice.label(path);
  const Label = voice.words ? label.charAt(0).toUpperCase() + label.slice(1) : label;
  const own = ruleOf(issue);
  if (own) return `${Label} ${own}.`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `Vul ${label} in.`;
      return `${Label} ${kinds[issue.expected] ?? 'heeft niet de juiste soort waarde'}.`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `Vul ${label} in.` : `Schrijf wat meer bij ${label}: minstens ${String(issue.minimum)} tekens.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${Label} heeft minstens ${points(issue.minimum)} nodig.`;
      if (issue.origin === 'number') return `${Label} moet minstens ${String(issue.minimum)} zijn.`;
      break;
    case 'too_big':
      if (issue.origin === 'string') return `${Label} mag hoogstens ${String(issue.maximum)} tekens lang zijn.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${Label} mag hoogstens ${points(issue.maximum)} hebben.`;
      if (issue.origin === 'number') return `${Label} mag hoogstens ${String(issue.maximum)} zijn.`;
      break;
    case 'invalid_format':
      return `${Label} ${formats[issue.format] ?? 'heeft niet de juiste vorm'}.`;
    case 'invalid_value':
      if (voice.visitor) return `Kies ${label}.`;
      if (issue.values.length === 1) return `${Label} moet ${shown(issue.values[0])} zijn.`;
      return `${Label} moet een van deze zijn: ${issue.values.map(shown).join(', ')}.`;
    case 'invalid_union':
      return `${Label} heeft niet de juiste vorm.`;
    case 'unrecognized_keys':
      if (voice.visitor) return 'Het formulier bevat velden die we niet kennen. Laad de pagina opnieuw.';
      return `${path.length ? `${Label} heeft een onbekend veld` : 'Onbekend veld'}: ${issue.keys.join(', ')}.`;
  }
  return `${Label} klopt niet.`;
}

/** The error map to pass to a parse: `schema.safeParse(data, { error: dutchErrors(byPath) })`. */
export function dutchErrors(voice: Voice): z.core.$ZodErrorMap {
  return (issue) => dutchMessage(issue, voice);
}

/** Parse options for settings and content outside Astro: `schema.safeParse(data, forEditors)`. */
export const forEditors = { error: dutchErrors(byPath) };

/**
 * For a schema that Astro parses: Astro passes its own English map to every parse, which
 * outranks a map passed to the parse but not a message already on the issue. So the schema's
 * last check writes the Dutch message onto every issue that has none yet. It stays the same
 * object schema, so Astro's types and its JSON schema for editors are unchanged.
 */
export function withDutchErrors<T extends z.ZodType>(schema: T, voice: Voice = inAstro): T {
  return schema.check(
    z.superRefine((_value, ctx) => {
      // Raw issues, before zod gives each its message; the payload's own array, so writable.
      for (const issue of ctx.issues as z.core.$ZodRawIssue[]) {
        // A message of the schema's own (a contrast rule) wins, as it does in a parse.
        const own = issue.inst?._zod.def.error as z.core.$ZodErrorMap | undefined;
        if (issue.message || own?.(issue)) continue;
        Object.assign(issue, { message: dutchMessage(issue, voice) });
      }
    }, { when: () => true }),
  ) as T;
}
