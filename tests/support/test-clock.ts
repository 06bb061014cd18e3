import { bookingContent } from './content.ts';

const DAY_MS = 86_400_000;

/**
 * The moment the site runs at in the browser tests (passed to the server as TEST_CLOCK):
 * the day before the first workshop's booking period opens, mid-morning in Brussels. It comes
 * from the content, never from today's date, so the tests run the same in any year and
 * with any municipality's periods.
 */
export function siteTestClock(): string {
  const { workshops, periods } = bookingContent();
  const period = periods.find((p) => p.id === workshops[0]?.period) ?? periods[0];
  if (!period) throw new Error('src/content/boekingsperiodes has no booking period; the workshop tests need one.');
  return new Date(Date.parse(`${period.start}T10:00:00Z`) - DAY_MS).toISOString();
}
