import { useReaderScript } from './readerScript.ts';

/**
 * Names and titles as written (陳大文, 李明 科长) turned into the reader's script, looked up by
 * the text as written: a line naming a unit in the reader's script and a person in the other
 * would show two scripts side by side. English readers read them as written.
 */
export function useInReaderScript(texts: (string | null | undefined)[]): (text: string | null | undefined) => string {
  const written = [...new Set(texts.filter((t): t is string => !!t))];
  const shown = useReaderScript(written);
  const byWritten = new Map(written.map((text, i) => [text, shown[i]]));
  return (text) => (text ? (byWritten.get(text) ?? text) : '');
}
