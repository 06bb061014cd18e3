/**
 * `npm run launch-check`: lists, in Dutch, everything the city must still fill in or confirm
 * before the site goes live, and exits 1 while anything remains. The list itself is built by
 * src/lib/launch-check.ts (unit-tested); this script only reads the files.
 */
import { settings } from '../src/settings.ts';
import { findPlaceholders } from '../src/schemas/settings.ts';
import { organisatieSchema } from '../src/schemas/content/organisatie.ts';
import { formatContentIssues } from '../src/lib/content-errors.ts';
import { formatLaunchCheck, launchCheckItems } from '../src/lib/launch-check.ts';
import { contentFolders, readContentFolder } from './content-files.ts';

const organisations = [];
for (const entry of await readContentFolder('organisaties')) {
  const result = organisatieSchema.safeParse(entry.data);
  if (!result.success) {
    console.error(formatContentIssues(entry.file, result.error).join('\n'));
    process.exit(2);
  }
  organisations.push({ file: entry.file, data: result.data });
}

const contentPlaceholders = [];
for (const folder of await contentFolders()) {
  for (const entry of await readContentFolder(folder)) {
    const valueAt = (field: string) => field.split('.').reduce<any>((value, key) => value?.[key], entry.data);
    contentPlaceholders.push(...findPlaceholders(entry.data).map((field) => ({ file: entry.file, field, value: String(valueAt(field)) })));
  }
}

const items = launchCheckItems({ settings, organisations, contentPlaceholders, today: new Date() });
console.log(formatLaunchCheck(items));
process.exitCode = items.length ? 1 : 0;
