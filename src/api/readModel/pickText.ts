/** Choosing one text among values in several languages (labels, definitions). */
import type { LangText } from './FactIndex.ts';

/**
 * The best value for a language: a tag equal to `lang` or starting with `lang-` (BCP 47 prefix
 * match, case-insensitive), else no language, else English, else the first; ties go to the earlier value.
 *
 * @example
 * pickText([{ value: 'Kunde', language: 'de' }, { value: 'customer', language: 'en' }], 'de') // 'Kunde'
 */
export function pickText(values: readonly LangText[], lang: string | undefined): string | undefined {
  const wanted = lang?.toLowerCase();
  const rank = (language: string | null) => {
    const tag = language?.toLowerCase();
    if (wanted !== undefined && tag !== undefined && (tag === wanted || tag.startsWith(`${wanted}-`))) return 0;
    if (tag === undefined || tag === '') return 1;
    if (tag === 'en' || tag.startsWith('en-')) return 2;
    return 3;
  };
  let best: LangText | undefined;
  let bestRank = 4;
  for (const value of values) {
    const r = rank(value.language);
    if (r < bestRank) [best, bestRank] = [value, r];
  }
  return best?.value;
}
