import PoliceSentence from './PoliceSentence.astro';

/**
 * Components every Markdown/MDX content file may use without an import, e.g. `<PoliceSentence />`.
 * Pass to `<Content components={contentComponents} />` wherever content is rendered.
 */
export const contentComponents = { PoliceSentence };
