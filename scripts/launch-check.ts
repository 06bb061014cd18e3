/**
 * `npm run launch-check`: lists, in Dutch, everything the city must still fill in or confirm
 * before the site goes live, and exits 1 while anything remains. The list itself is built by
 * src/lib/launch-check.ts (unit-tested); this script only reads the files.
 */
import { settings } from '../src/settings.ts';
import { findPlaceholders } from '../src/schemas/settings.ts';
import { organisatieSchema, type OrganisatieData } from '../src/schemas/content/organisatie.ts';
import { formatContentIssues } from '../src/lib/content-errors.ts';
import { forEditors } from '../src/schemas/dutch-errors.ts';
import { signpostStatus } from '../src/lib/content-integrity.ts';
import { formatLaunchCheck, launchCheckItems, type Signpost } from '../src/lib/launch-check.ts';
import { contentFolders, readContentFolder } from '../src/integrations/content-files.ts';

/** What a wegwijzer entry tells the launch check: its source, and whether someone really checked it. */
function signpost(file: string, data: OrganisatieData): Signpost {
  const status = signpostStatus(data);
  return { file, name: data.name, source: data.source, date: status.date, checked: status.checked, permanent: data.permanent };
}

const signposts: Signpost[] = [];
for (const entry of await readContentFolder('organisaties')) {
  const result = organisatieSchema.safeParse(entry.data, forEditors);
  if (!result.success) {
    console.error(formatContentIssues(entry.file, result.error).join('\n'));
    process.exit(2);
  }
  signposts.push(signpost(entry.file, result.data));
}

const contentPlaceholders = [];
for (const folder of await contentFolders()) {
  for (const entry of await readContentFolder(folder)) {
    const valueAt = (field: string) => field.split('.').reduce<any>((value, key) => value?.[key], entry.data);
    contentPlaceholders.push(...findPlaceholders(entry.data).map((field) => ({ file: entry.file, field, value: String(valueAt(field)) })));
  }
}

const items = launchCheckItems({ settings, signposts, contentPlaceholders, today: new Date() });
console.log(formatLaunchCheck(items));
process.exitCode = items.length ? 1 : 0;
