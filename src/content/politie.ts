/**
 * The one wording about when the police is involved in a concern. Every page that talks about it
 * shows this text, through <PoliceSentence /> (src/components/content/PoliceSentence.astro), so the
 * pages can never contradict each other. tests/content/police-sentence.test.ts fails when a page
 * states the police's role in other words.
 *
 * Sources (action plan 2022): the police's information officer is a fixed member of the partnertafel
 * (Curatie 2.1); signals are analysed and discussed with the partners (Curatie 3); care comes first,
 * police follow-up only when needed (Curatie 2.4.4). The deskundige and the information officer
 * confirm this wording before launch.
 */
export const policeSentence =
  'Eerst leest alleen de deskundige je bericht. Gaat je zorg naar de partnertafel, dan zit daar ook een politiemedewerker (de information officer). Politie en gerecht nemen het pas over bij een reële dreiging.';
