// Full-page review view (WXT unlisted page: chrome-extension://<id>/review.html[?q=<questionnaire id>]).
import { createRoot } from 'react-dom/client';
import { ReviewPage } from '../../components/review';
import '../../components/theme.css';

const q = new URLSearchParams(location.search).get('q') ?? undefined;
createRoot(document.getElementById('root')!).render(<ReviewPage initialQuestionnaire={q} />);
