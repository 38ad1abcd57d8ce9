import { render } from 'preact';
import { Panel } from './Panel';
import './style.css';

render(<Panel />, document.getElementById('app')!);
