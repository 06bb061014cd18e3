import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Reads the site's own content files the way the content loader does (front matter of a
 * Markdown file, or a whole YAML file), so generic tests can take their values from the
 * content they run against instead of repeating one city's facts.
 */
export const contentDir = path.resolve(import.meta.dirname, '../../src/content');

export interface ContentEntry {
  id: string;
  data: Record<string, any>;
}

/** The entries of one collection, in the order the site lists them (`order`, then file name). */
export function contentEntries(folder: string): ContentEntry[] {
  return readdirSync(path.join(contentDir, folder))
    .filter((file) => /\.(md|mdx|yaml|yml)$/.test(file))
    .map((file) => {
      const text = readFileSync(path.join(contentDir, folder, file), 'utf8');
      const yaml = /\.mdx?$/.test(file) ? /^---\n([\s\S]*?)\n---/.exec(text)![1]! : text;
      return { id: file.replace(/\.(md|mdx|yaml|yml)$/, ''), data: parse(yaml) as Record<string, any> };
    })
    .sort((a, b) => (a.data.order ?? 0) - (b.data.order ?? 0) || a.id.localeCompare(b.id));
}

/** YAML turns 2027-02-01 into a Date; the site works with the ISO day. */
const isoDay = (value: unknown) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

export interface BookingContent {
  workshops: { id: string; title: string; topic: string; provider: string; price: string; period: string }[];
  schools: { id: string; name: string }[];
  periods: { id: string; name: string; start: string; end: string; sessions: number }[];
}

/** Workshops, schools and booking periods as the content defines them. */
export function bookingContent(): BookingContent {
  return {
    workshops: contentEntries('workshops').map(({ id, data }) => ({ id, title: data.title, topic: data.topic, provider: data.provider, price: data.price, period: data.period })),
    schools: contentEntries('scholen').map(({ id, data }) => ({ id, name: data.name })),
    periods: contentEntries('boekingsperiodes').map(({ id, data }) => ({ id, name: data.name, start: isoDay(data.start), end: isoDay(data.end), sessions: data.sessions })),
  };
}

export interface ContactFacts {
  phones: string[];
  emails: string[];
  urls: string[];
}

/**
 * Every outside contact fact the content declares in a field of its own (an organisation's
 * phone, e-mail and website, a source's url). The site may state these and the settings'
 * own details, and nothing else; which facts a city allows is checked in tests/content/.
 */
export function declaredContactFacts(): ContactFacts {
  const facts: ContactFacts = { phones: [], emails: [], urls: [] };
  const visit = (value: unknown, key = '') => {
    if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) visit(v, k);
    else if (typeof value === 'string') {
      if (key === 'phone') facts.phones.push(value);
      if (key === 'email') facts.emails.push(value);
      if (key === 'website' || key === 'url') facts.urls.push(value);
    }
  };
  for (const folder of readdirSync(contentDir)) for (const entry of contentEntries(folder)) visit(entry.data);
  return { phones: [...new Set(facts.phones)].sort(), emails: [...new Set(facts.emails)].sort(), urls: [...new Set(facts.urls)].sort() };
}
