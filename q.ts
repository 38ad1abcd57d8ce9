import { findQuotes } from './lib/analyze/quotes';
import { buildSpeakerContext } from './lib/analyze/speakers';
const [lang, text] = [process.argv[2]!, process.argv[3]!];
for (const q of findQuotes(text, { lang, speakers: buildSpeakerContext(text) }))
  console.log(JSON.stringify({ t: q.text.slice(0, 50), s: q.speaker, m: q.speakerMention, cue: q.cue, anon: q.anonymous }));
