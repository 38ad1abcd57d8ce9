import { markMatches } from '@/lib/library/search';

/** Text with the words that matched the search marked; plain text only, whatever the text holds. */
export function MarkedText({ text, terms }: { text: string; terms: readonly string[] }) {
  if (!terms.length) return <>{text}</>;
  return (
    <>
      {markMatches(text, terms).map((run, index) =>
        run.match ? <mark key={index}>{run.text}</mark> : <span key={index}>{run.text}</span>,
      )}
    </>
  );
}
