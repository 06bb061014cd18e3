import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarFile, escapeText, foldLine, type CalendarEvent } from '../../src/server/workshops/ics.ts';

/** A tiny RFC 5545 reader: unfolds lines, then splits each into name, parameters and value. */
interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  properties: Property[];
  components: Component[];
}

function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function parseCalendar(text: string): Component {
  const stack: Component[] = [{ name: 'ROOT', properties: [], components: [] }];
  for (const line of unfold(text)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    const value = line.slice(colon + 1);
    if (name === 'BEGIN') {
      const component = { name: value, properties: [], components: [] };
      stack.at(-1)!.components.push(component);
      stack.push(component);
    } else if (name === 'END') {
      expect(stack.pop()!.name, 'BEGIN and END match').toBe(value);
    } else {
      stack.at(-1)!.properties.push({ name: name!, params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])), value });
    }
  }
  expect(stack, 'every BEGIN has its END').toHaveLength(1);
  return stack[0]!.components[0]!;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const prop = (component: Component, name: string) => component.properties.find((p) => p.name === name);
const child = (component: Component, name: string) => component.components.find((c) => c.name === name)!;

const event: CalendarEvent = {
  uid: 'ABCD2345@example.org',
  stamp: new Date('2027-01-10T09:08:07.654Z'),
  date: '2027-03-15',
  startsAt: '10:00',
  endsAt: '11:40',
  summary: 'Workshop fake news (StampMedia)',
  location: 'Sint-Jozef Klein Seminarie, campus; "oud" \\ nieuw',
  description: 'Workshop fake news voor klas 3B.\nReferentie: ABCD 2345.\nVragen? Mail workshops@example.org. '.repeat(3) + 'Café, één, 😀 ✓ — lange tekst om te vouwen.',
  prodId: '-//Stad Sint-Niklaas//Aanspreekpunt extremisme en polarisering//NL',
};

describe('calendar file', () => {
  const text = calendarFile(event);

  it('uses CRLF line endings only, and ends with one', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line at 75 octets', () => {
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' ')), 'the long description is folded').toBe(true);
  });

  it('is a VCALENDAR with PRODID and VERSION 2.0', () => {
    const calendar = parseCalendar(text);
    expect(calendar.name).toBe('VCALENDAR');
    expect(prop(calendar, 'VERSION')?.value).toBe('2.0');
    expect(prop(calendar, 'PRODID')?.value).toBe(event.prodId);
  });

  it('describes the Europe/Brussels time zone with its summer and winter time', () => {
    const timezone = child(parseCalendar(text), 'VTIMEZONE');
    expect(prop(timezone, 'TZID')?.value).toBe('Europe/Brussels');
    const standard = child(timezone, 'STANDARD');
    const daylight = child(timezone, 'DAYLIGHT');
    expect(prop(standard, 'TZOFFSETTO')?.value).toBe('+0100');
    expect(prop(daylight, 'TZOFFSETTO')?.value).toBe('+0200');
    for (const part of [standard, daylight]) {
      expect(prop(part, 'DTSTART')?.value).toMatch(/^\d{8}T\d{6}$/);
      expect(prop(part, 'RRULE')?.value).toMatch(/^FREQ=YEARLY;BYMONTH=(3|10);BYDAY=-1SU$/);
    }
  });

  it('has one event with UID, DTSTAMP and local start and end times in Brussels', () => {
    const calendar = parseCalendar(text);
    const events = calendar.components.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(1);
    const vevent = events[0]!;
    expect(prop(vevent, 'UID')?.value).toBe('ABCD2345@example.org');
    expect(prop(vevent, 'DTSTAMP')?.value).toBe('20270110T090807Z');
    expect(prop(vevent, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: 'Europe/Brussels' }, value: '20270315T100000' });
    expect(prop(vevent, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: 'Europe/Brussels' }, value: '20270315T114000' });
  });

  it('escapes text so summary, location and description read back exactly', () => {
    const vevent = child(parseCalendar(text), 'VEVENT');
    expect(unescapeText(prop(vevent, 'SUMMARY')!.value)).toBe(event.summary);
    expect(unescapeText(prop(vevent, 'LOCATION')!.value)).toBe(event.location);
    expect(unescapeText(prop(vevent, 'DESCRIPTION')!.value)).toBe(event.description);
    // Unescaped commas or semicolons would split a TEXT value.
    expect(prop(vevent, 'LOCATION')!.value).not.toMatch(/(?<!\\),|(?<!\\);/);
  });
});

describe('text escaping and folding', () => {
  it('never splits a UTF-8 character and always unfolds to the original line', () => {
    fc.assert(
      // A split UTF-8 sequence decodes to U+FFFD, so that check only means something when the
      // text did not hold U+FFFD to begin with (the generator can produce it, rarely).
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }).filter((text) => !text.includes('\uFFFD')), (value) => {
        const line = `DESCRIPTION:${escapeText(value)}`;
        const folded = foldLine(line);
        for (const physical of folded.split('\r\n')) {
          expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
          expect(physical).not.toContain('\uFFFD');
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
        expect(unescapeText(escapeText(value))).toBe(value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' '));
      }),
    );
  });

  it('leaves short lines alone', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    expect(foldLine('X:' + 'a'.repeat(73))).toBe('X:' + 'a'.repeat(73));
    expect(foldLine('X:' + 'a'.repeat(74))).toBe('X:' + 'a'.repeat(73) + '\r\n a');
  });
});
