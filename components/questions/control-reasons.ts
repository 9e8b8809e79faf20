// The classifier's reasons for one control (ControlMatch.why, written by lib/match/classify.ts explain())
// sorted into what a reviewer checks: which question words the control's text holds (and in which field),
// which library entries voted for it, whether the section heading carried it, and which counterpart the
// crosswalk lent it from. A reason in a form this file does not know is kept as written, never dropped.

export interface ControlReasons {
  /** "word (field)", strongest first; a word that came only from the section heading says so. */
  words: string[];
  /** "TW-033 (0.82)": entry id and its vote weight. */
  entries: string[];
  section?: string;
  /** The counterpart control id the crosswalk lent from. */
  via?: string;
  other: string[];
}

const WORD = /^(.+?) -> (\w+)( \(section\))?$/;
const ENTRY = /^entry (.+) \(([\d.]+)\)$/;
const SECTION = /^section "(.*)"$/;
const VIA = /^via (\S+) \(crosswalk\)$/;

export function readReasons(why: readonly string[]): ControlReasons {
  const out: ControlReasons = { words: [], entries: [], other: [] };
  for (const reason of why) {
    let m: RegExpExecArray | null;
    if ((m = ENTRY.exec(reason))) out.entries.push(`${m[1]} (${m[2]})`);
    else if ((m = SECTION.exec(reason))) out.section = m[1];
    else if ((m = VIA.exec(reason))) out.via = m[1];
    else if ((m = WORD.exec(reason))) out.words.push(`${m[1]} (${m[2]}${m[3] ? ', from the section' : ''})`);
    else out.other.push(reason);
  }
  return out;
}
