// "Answer a spreadsheet" (WXT unlisted page: chrome-extension://<id>/spreadsheet.html), opened from the options page
// and the side panel.
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './spreadsheet.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(<App />);
