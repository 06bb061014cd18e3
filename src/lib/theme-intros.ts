import type { themes } from '../schemas/content/shared.ts';

/** One plain sentence per theme, for overview pages and their meta description. */
export const themeIntros: Record<(typeof themes)[number], string> = {
  polarisering: 'Wij-zijdenken zet groepen tegenover elkaar. Lees hoe polarisering werkt en wat jij kunt doen.',
  extremisme: 'Wat is extremisme, welke vormen bestaan er, en waar ligt de grens met een radicale mening?',
  radicalisering: 'Radicalisering is een proces. Lees hoe het verloopt, welke signalen er kunnen zijn en hoe je helpt.',
  desinformatie: 'Nepnieuws en complotten verspreiden zich snel. Lees hoe je ze herkent en hoe je erover praat.',
  haatspraak: 'Haat online doet pijn en zet mensen tegen elkaar op. Lees waar de grens ligt en wat je kunt doen.',
  aanpak: 'Hoe de stad werkt aan een warme, veilige samenleving: het aanspreekpunt, het netwerk en de partnertafel.',
};
