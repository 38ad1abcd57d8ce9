import { render } from 'preact';
import { Library } from './Library';
import '../sidepanel/style.css';
import './style.css';

// The library is the reader's own work: ask the browser never to evict it to free space.
void navigator.storage?.persist?.().catch(() => undefined);

render(<Library />, document.getElementById('app')!);
