/** Helpers for posting forms the way a browser without JavaScript would. */

export async function formToken(siteUrl: string, path: string): Promise<string> {
  const html = await (await fetch(`${siteUrl}${path}`)).text();
  const token = /name="_start" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error(`no form token on ${path}`);
  return token;
}

export interface PostResult {
  status: number;
  location: string | null;
  body: string;
}

export async function postForm(siteUrl: string, path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<PostResult> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  const response = await fetch(`${siteUrl}${path}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { Origin: new URL(siteUrl).origin, ...headers },
  });
  return { status: response.status, location: response.headers.get('location'), body: await response.text() };
}

/**
 * A valid anonymous concern about a person, with a phrase the test can look for, posted as the
 * check page's "Verstuur" button posts it (`_stap=verstuur`), so it is stored at once.
 */
export function concernFields(token: string, text: string): Record<string, string> {
  return { _start: token, homepage: '', _stap: 'verstuur', soort: 'persoon', rol: 'ouder', bezorgdheid: text, leeftijd: 'minderjarig', contact: 'anoniem' };
}
