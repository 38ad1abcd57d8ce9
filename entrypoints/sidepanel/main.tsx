import { render } from 'preact';
import { Panel } from './Panel';
import { startPanel } from './tab-analysis';
import './style.css';
import { noteScriptsEvaluated } from './timing';

noteScriptsEvaluated();

render(<Panel starting={startPanel()} />, document.getElementById('app')!);
