import { render } from 'preact';
import { Panel } from './Panel';
import { startPanel } from './tab-analysis';
import './style.css';

render(<Panel starting={startPanel()} />, document.getElementById('app')!);
