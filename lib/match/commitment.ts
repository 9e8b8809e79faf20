// Questions that commit the company: its history of breaches, incidents, litigation, fines or insurance
// claims; its financial standing; and what it agrees to (audit rights, SLAs, notification deadlines,
// contract terms, "do you agree", "will you allow"). A library answer about a practice ("we notify
// customers within 72 hours") is not the company's signature on a customer's clause, and an answer about
// incident handling says nothing about whether a breach happened. Such questions are never auto-filled and
// get no bare "Yes"/"No" unless an entry asks the same thing; they are shown as needing an expert.
//
// The rule is general English over the asking sentence, in three groups:
//   history      "have you (ever) had / suffered / experienced / been subject to ..." an adverse event,
//                or an adverse event "in the last / past N months/years"
//   standing     litigation, lawsuits, legal proceedings, fines, sanctions, bankruptcy, insolvency,
//                financial statements, credit rating, insurance claims
//   agreement    "do you agree / accept / consent / commit", "will you allow / permit / notify / indemnify",
//                "are you willing to", right to audit, SLA / service credits / liability / indemnity terms
import { memoText } from './memo';

const ADVERSE =
  /\b(?:breach(?:es)?|incidents?|compromise[sd]?|attacks?|ransomware|data loss|leaks?|outages?|violations?|fines?|penalt(?:y|ies)|sanctions?|lawsuits?|litigation|legal (?:action|proceedings?|claims?)|claims?|investigations?|enforcement actions?|regulatory actions?)\b/;

const HISTORY = [
  /\b(?:have|has|had) (?:you|your (?:company|organi[sz]ation|firm)|the (?:company|organi[sz]ation|vendor|supplier)|there been)\b[^?]*\b(?:ever )?(?:had|suffered|experienced|been (?:subject to|involved in|party to|the subject of|fined|sued|breached|notified)|incurred|reported|identified|detected|disclosed)\b/,
  /\b(?:in|during|within|over) the (?:last|past|previous|preceding) (?:\d+|one|two|three|four|five|six|twelve|eighteen|twenty-four|thirty-six) (?:months?|years?)\b/,
  /\bhave there been any\b/,
  /\b(?:any|ever) (?:known |reported |confirmed )?(?:breach|incident|compromise|lawsuit|litigation|fine)/,
];

const STANDING =
  /\b(?:litigation|lawsuits?|pending (?:legal|claims?|litigation)|legal proceedings?|bankruptcy|insolvency|insolvent|receivership|financial statements?|audited accounts|annual accounts|credit rating|dun (?:&|and) bradstreet rating|financial (?:standing|stability|health|viability)|going concern|insurance claims?|claims? (?:made )?against (?:your|the) (?:policy|insurance|company))\b/;

const AGREEMENT = [
  /\b(?:do|does|will|would|can|could) (?:you|your (?:company|organi[sz]ation)|the (?:supplier|vendor|provider))\s+(?:agree|accept|consent|commit|undertake|guarantee|warrant|indemnify|allow|permit|grant|sign|honou?r|comply with (?:our|the customer'?s?|client'?s?))\b/,
  /\b(?:are|is) (?:you|your (?:company|organi[sz]ation)|the (?:supplier|vendor))\s+(?:willing|prepared|able and willing) to\b/,
  /\bwill you (?:notify|inform|alert|tell) (?:us|the customer|customers|the client)\b[^?]*\bwithin\b/,
  /\bright to audit\b|\baudit rights?\b|\bon-?site (?:audit|inspection|assessment)s? by (?:us|the customer|customers|the client)\b/,
  /\b(?:service credits?|liquidated damages|limitation of liability|liability cap|unlimited liability|indemnit(?:y|ies)|penalty clauses?)\b/,
  /\bcontractually (?:commit|agree|bound|obligat)/,
  /\b(?:sign|execute|accept) (?:our|the customer'?s?|the client'?s?|a) (?:contract|agreement|terms|addendum|dpa|baa|nda)\b/,
];

export type CommitmentKind = 'history' | 'standing' | 'agreement';

/** Which way a question commits the company, or undefined when it asks about practice only. */
export const commitmentOf = memoText((question: string): CommitmentKind | undefined => {
  const t = question.toLowerCase().replace(/[’‘]/g, "'");
  if (AGREEMENT.some((p) => p.test(t))) return 'agreement';
  if (STANDING.test(t)) return 'standing';
  if (ADVERSE.test(t) && HISTORY.some((p) => p.test(t))) return 'history';
  return undefined;
}, 2_000);

export const COMMITMENT_MESSAGE: Record<CommitmentKind, string> = {
  history:
    'This question asks about events the company has had (breaches, incidents, claims). A library answer about a practice does not state that history; have the owner answer it.',
  standing:
    'This question asks about the company’s legal or financial standing. Have legal or finance answer it; a library answer is context only.',
  agreement:
    'This question asks the company to agree to terms (audit rights, deadlines, SLAs, contract clauses). Have someone who can commit the company answer it.',
};
