import { render } from 'preact';
import { PASSAGE_HIGHLIGHT_CSS } from '@/lib/anchor/flash';
import { HIGHLIGHT_CSS } from '@/lib/annotator/highlighter';
import { Library } from './Library';
import '../sidepanel/style.css';
import './style.css';

// The reader's highlights on saved copies are drawn with the same colours as in the pages.
const highlightStyle = document.createElement('style');
highlightStyle.textContent = `${HIGHLIGHT_CSS}\n${PASSAGE_HIGHLIGHT_CSS}`;
document.head.append(highlightStyle);
// The library is the reader's own work: ask the browser never to evict it to free space.
void navigator.storage?.persist?.().catch(() => undefined);

render(<Library />, document.getElementById('app')!);
