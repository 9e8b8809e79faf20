// A long questionnaire built from the demo one, the way issue 14 measured the panel: the demo's ten sections
// cloned (sections 11, 12, ... with their own ids, field names and question numbers) until the page holds the
// number of questions asked for, counted as the page's own progress counter counts them (each `.q` block and
// each grid row). The questions are real ones the demo library answers, so the panel has the same mix of
// confident, weak and held answers as on the demo, five times over. The panel bench also passes questions in the
// library's own words (LibraryQuestion), which go in sections of their own at the end, marked up like the demo's.
import { Window } from 'happy-dom';

/** Attributes that name an element (or a group of them): renamed in a clone so nothing points at the original. */
const ID_ATTRS = ['id', 'for', 'name', 'aria-labelledby', 'aria-describedby', 'aria-controls'] as const;
/** What the page's progress counter counts as one question (see the demo page's script). */
const QUESTION = '.q, .grid tbody tr';

export interface LongQuestionnaire {
  html: string;
  /** Questions on the page, counted like the page's progress counter. */
  questions: number;
  sections: number;
  /** Of `questions`, how many are the library's own phrasings (the last sections). */
  library: number;
}

/** Section `n` of the demo, copied as section `m`: ids and names get a suffix, visible numbers become m.x. */
function renumber(section: Element, n: number, m: number): void {
  const suffix = `-s${m}`;
  for (const el of [section, ...Array.from(section.querySelectorAll('*'))])
    for (const attr of ID_ATTRS) {
      const v = el.getAttribute(attr);
      if (v)
        el.setAttribute(
          attr,
          v
            .split(/\s+/)
            .filter(Boolean)
            .map((t) => t + suffix)
            .join(' '),
        );
    }
  const num = new RegExp(`^(\\s*)${n}\\.`);
  for (const el of Array.from(section.querySelectorAll('.qn, td.num')))
    el.textContent = (el.textContent ?? '').replace(num, `$1${m}.`);
  for (const el of Array.from(section.querySelectorAll('[aria-label]')))
    el.setAttribute(
      'aria-label',
      el.getAttribute('aria-label')!.replace(new RegExp(`\\b${n}\\.(\\d)`, 'g'), `${m}.$1`),
    );
  const head = section.querySelector('.sec-num');
  if (head) head.textContent = `Section ${m}`;
}

/** Drop questions from the end of `section` until it holds `keep` (with a question's "Please explain" box). */
function trim(section: Element, keep: number): void {
  for (let qs = Array.from(section.querySelectorAll(QUESTION)); qs.length > keep; qs.pop()) {
    const q = qs.at(-1)!;
    if (q.nextElementSibling?.classList.contains('explain')) q.nextElementSibling.remove();
    const table = q.closest('table');
    q.remove();
    if (table && !table.querySelector('tbody tr')) table.remove();
  }
}

/** A question asked in the library's own words (one of an entry's recorded phrasings), and how it is answered. */
export interface LibraryQuestion {
  question: string;
  /** A Yes / No / N/A choice (the entry's short answer is one of those); otherwise a free-text box. */
  choice: boolean;
}

/** Questions per section of library-phrased questions. */
const LIBRARY_SECTION = 10;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Section `m` of library-phrased questions, marked up like the demo's own (so its counter counts them too). */
function librarySection(doc: Document, m: number, qs: readonly LibraryQuestion[]): Element {
  const items = qs.map((q, i) => {
    const n = `${m}.${i + 1}`;
    const id = `lq${m}_${i + 1}`;
    const text = `<span class="qn">${n}</span> ${escapeHtml(q.question)}`;
    return q.choice
      ? `<fieldset class="q" id="q-${m}-${i + 1}"><legend>${text}</legend><div class="opts">${['Yes', 'No', 'N/A']
          .map(
            (o) =>
              `<label class="pill"><input type="radio" name="${id}" value="${o.toLowerCase()}" /><span>${o}</span></label>`,
          )
          .join('')}</div></fieldset>`
      : `<div class="q" id="q-${m}-${i + 1}"><label class="q-text" for="${id}">${text}</label><textarea id="${id}" name="${id}" rows="3"></textarea></div>`;
  });
  const section = doc.createElement('section');
  section.className = 'sec';
  section.id = `sec-${m}`;
  section.setAttribute('aria-labelledby', `sec-${m}-h`);
  section.innerHTML = `<div class="sec-head"><h2 id="sec-${m}-h"><span class="sec-num">Section ${m}</span> Additional Security Questions</h2><button type="button" class="collapse" aria-expanded="true" aria-controls="sec-${m}-body">Collapse</button></div><div class="sec-body" id="sec-${m}-body">${items.join('')}</div>`;
  return section;
}

/**
 * The demo questionnaire grown to `questions` questions (throws when the demo has more than that already): its
 * sections cloned, and then, when `library` is given, those questions in sections of their own at the end.
 */
export function buildLongQuestionnaire(
  demoHtml: string,
  questions: number,
  library: readonly LibraryQuestion[] = [],
): LongQuestionnaire {
  // No scripts run here: the page's own script runs in the browser that opens the result.
  const window = new Window({
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  try {
    const doc = new window.DOMParser().parseFromString(demoHtml, 'text/html');
    const originals = Array.from(doc.querySelectorAll('section.sec')) as unknown as Element[];
    const count = (el: Element) => el.querySelectorAll(QUESTION).length;
    let total = originals.reduce((s, el) => s + count(el), 0);
    if (!originals.length || total > questions)
      throw new Error(
        `The demo questionnaire has ${total} questions in ${originals.length} sections, so a page of ${questions} cannot be built from it. Ask for at least ${total}.`,
      );
    let last = originals.at(-1)!;
    let m = originals.length;
    const cloned = questions - library.length;
    if (cloned < total)
      throw new Error(
        `${library.length} library questions leave room for ${cloned} of the demo's, and the demo alone has ${total}. Ask for fewer library questions.`,
      );
    for (let i = 0; total < cloned; i++) {
      const n = (i % originals.length) + 1;
      const copy = originals[n - 1]!.cloneNode(true) as Element;
      m++;
      renumber(copy, n, m);
      const room = cloned - total;
      if (count(copy) > room) trim(copy, room);
      total += count(copy);
      last.after(copy);
      last = copy;
    }
    for (let at = 0; at < library.length; at += LIBRARY_SECTION) {
      const section = librarySection(doc as unknown as Document, ++m, library.slice(at, at + LIBRARY_SECTION));
      last.after(section);
      last = section;
      total += section.querySelectorAll(QUESTION).length;
    }
    const title = doc.querySelector('title');
    if (title) title.textContent = `Long questionnaire (${total} questions) · built from the demo and its library`;
    return {
      html: `<!doctype html>\n${doc.documentElement.outerHTML}`,
      questions: total,
      sections: m,
      library: library.length,
    };
  } finally {
    void window.happyDOM.close();
  }
}
