/**
 * A calendar file (iCalendar, RFC 5545) for one confirmed workshop. Times are local to
 * Brussels, with the time zone described in the file itself, so every calendar places the
 * session at the right hour, also across daylight saving time.
 */
export interface CalendarEvent {
  /** Globally unique and stable, so importing the file twice updates one event. */
  uid: string;
  /** When the file was made. */
  stamp: Date;
  /** ISO day and "HH:MM" times, in Brussels. */
  date: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  location: string;
  description: string;
  /** Identifies the product that made the file, e.g. "-//Stad Sint-Niklaas//Workshops//NL". */
  prodId: string;
}

export const TIMEZONE = 'Europe/Brussels';

// The EU rule since 1996: summer time from the last Sunday of March to the last Sunday of October.
const brusselsTimezone = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIMEZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function calendarFile(event: CalendarEvent): string {
  const local = (time: string) => `${event.date.replaceAll('-', '')}T${time.replace(':', '')}00`;
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${event.prodId}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...brusselsTimezone,
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${TIMEZONE}:${local(event.startsAt)}`,
    `DTEND;TZID=${TIMEZONE}:${local(event.endsAt)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `LOCATION:${escapeText(event.location)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** "20270315T081500Z". */
function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values: backslash, semicolon and comma are escaped, line breaks become "\n" (RFC 5545, 3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded: continued on the next line after a single space
 * (RFC 5545, 3.1). Octets, not characters: a split never falls inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
      // A continuation line starts with a space, which counts towards its 75 octets.
      limit = 74;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
