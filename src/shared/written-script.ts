export type Script = 'zh-Hant' | 'zh-Hans';
type Convert = (text: string) => string;

/**
 * The script a text is plainly written in: it has at least two characters only that script uses
 * and none only the other uses. Null when it has neither (English, or characters both scripts
 * share: 余慧, 范先生) or both (a quotation from the other side): then nothing can be said.
 * Takes the two converters, so that the server (shared/script.ts) and the web app (which loads
 * its converters on first need) judge alike.
 */
export function judgeScript(text: string, toSimplified: Convert, toTraditional: Convert): Script | null {
  const chars = [...new Set(text.match(/\p{Script=Han}/gu) ?? [])];
  if (chars.length === 0) return null;
  // One character a line, so that no phrase joins them: each is converted on its own.
  const asSimplified = toSimplified(chars.join('\n')).split('\n');
  const asTraditional = toTraditional(chars.join('\n')).split('\n');
  let traditionalOnly = 0;
  let simplifiedOnly = 0;
  chars.forEach((c, i) => {
    const changesToSimplified = asSimplified[i] !== c;
    const changesToTraditional = asTraditional[i] !== c;
    if (changesToSimplified && !changesToTraditional) traditionalOnly++;
    if (changesToTraditional && !changesToSimplified) simplifiedOnly++;
  });
  if (traditionalOnly >= 2 && simplifiedOnly === 0) return 'zh-Hant';
  if (simplifiedOnly >= 2 && traditionalOnly === 0) return 'zh-Hans';
  return null;
}
