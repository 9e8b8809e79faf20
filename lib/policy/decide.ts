// The one fill decision. Every trigger (Fill, Edit then fill, Fill all confident, the shortcut, the context
// menu, the spreadsheet fill) asks decideFill and does what it says: fill, ask first, or leave the field.
// Pure: no DOM, no database, no clock (today comes in), so the same input always gets the same answer.
import { runReuseChecks, todayIso, citedEvidence, type Flag, type FlagSeverity } from '../review';
import { currentValue, fillValue, fitsField } from './field-fit';
import { GATES } from './gates';
import { matchVerdict, notConfidentFlag, warningFlags, weakFlag } from './match-findings';
import type { FillDecision, Gate, PolicyInput, Reason, ReuseData, PolicyContext, Verdict } from './types';

/** The reuse rules' flags for one entry in one questionnaire (callers cache them per entry version). */
export function reuseFlags(
  reuse: ReuseData,
  context: PolicyContext,
  question?: PolicyInput['question'],
  today: string = todayIso(),
): Flag[] {
  return runReuseChecks({
    entry: reuse.entry,
    evidence: citedEvidence(reuse.entry, reuse.evidence),
    questionnaire: { recipient: context.recipient, nda: context.nda, scope: context.scope, name: context.name },
    ...(question ? { question } : {}),
    ...(reuse.otherEntries ? { otherEntries: reuse.otherEntries } : {}),
    today,
  });
}

const GATE_RANK: Record<Gate, number> = { block: 0, confirm: 1, note: 2 };
const SEVERITY_RANK: Record<FlagSeverity, number> = { high: 0, medium: 1, low: 2 };

function fieldFlags(input: PolicyInput, value: string): Flag[] {
  const { field } = input;
  const out: Flag[] = [];
  // The panel writes an upload's answer into its comment box (that box is then the field here); the upload
  // itself takes nothing, whatever the trigger.
  if (field.kind === 'file')
    return [
      {
        code: 'file-upload',
        severity: 'high',
        message: 'This field uploads a file, and Crosswalk never uploads files.',
        fix: 'Attach the evidence document yourself. When the question has a comment box, Crosswalk writes the answer there.',
      },
    ];
  if (field.disabled)
    out.push({
      code: 'field-disabled',
      severity: 'high',
      message: 'The field is read-only on the page.',
      fix: 'Enable the field in the questionnaire (it may depend on an earlier answer), then fill it.',
    });
  if (!value.trim()) {
    out.push({
      code: 'no-suggestion',
      severity: 'high',
      message: 'There is no answer to write.',
      fix: 'Write the answer by hand, or add an approved answer for this question to the library.',
    });
    return out;
  }
  if (!fitsField(field, value))
    out.push({
      code: 'no-matching-option',
      severity: 'high',
      message: `"${value}" is not one of the field's options (${(field.options ?? []).join(', ') || 'none offered'}).`,
      fix: 'Use "Edit then fill" to pick the option that says what the answer says.',
    });
  const now = currentValue(field, value);
  if (now === 'same')
    out.push({
      code: 'already-filled',
      severity: 'low',
      message: 'The field already holds this answer.',
      fix: 'Nothing to do.',
    });
  if (now === 'other')
    out.push({
      code: 'field-has-value',
      severity: 'medium',
      message: `The field already holds "${field.value.length > 120 ? `${field.value.slice(0, 117)}...` : field.value}".`,
      fix: 'Keep it, or replace it after reading both.',
      action: 'confirm-overwrite',
    });
  return out;
}

/**
 * The policy's own word on the match. The matcher's gate may already say the same thing (its "below-threshold" and
 * "weak-match" reasons): one finding per code, so the person reads it once. The policy's "not confident" names the
 * threshold the panel uses (the person's setting), so it replaces the gate's; for a weak match the gate's reason is
 * the more specific one (a catch-all box, a confidence under the floor), so it stays.
 */
function matchFlags(input: PolicyInput, edited: boolean, fromMatcher: readonly Flag[]): Flag[] {
  const s = input.suggestion;
  if (!s || edited) return [];
  const verdict = matchVerdict(s);
  if (verdict === 'weak') return fromMatcher.some((f) => f.code === 'weak-match') ? [] : [weakFlag()];
  return verdict === 'confident' ? [] : [notConfidentFlag(s, input.threshold)];
}

/** Who may receive the answer and where it holds: the rules decide these when they ran (same functions). */
const REUSE_CODES = new Set<Flag['code']>([
  'not-cleared-for-reuse',
  'recipient-unknown',
  'out-of-scope',
  'evidence-not-shareable',
]);

/**
 * Rules' flags first; a matcher warning adds a finding only when no rule raised the same code, and never a
 * reuse finding when the rules ran (they are the same rule; the rules' wording names the fix).
 */
function mergeFlags(rules: readonly Flag[] | undefined, fromMatcher: readonly Flag[]): Flag[] {
  const seen = new Set((rules ?? []).map((f) => f.code));
  const extra = fromMatcher.filter((f) => {
    if (seen.has(f.code) || (rules && REUSE_CODES.has(f.code))) return false;
    seen.add(f.code);
    return true;
  });
  return [...(rules ?? []), ...extra];
}

export function decideFill(input: PolicyInput): FillDecision {
  const suggested = input.suggestion ? fillValue(input.suggestion) : '';
  const value = input.value ?? suggested;
  // "Edit then fill" that changed nothing is a plain Fill: the person wrote none of it.
  const edited = input.trigger === 'edit-fill' && (!input.suggestion || value.trim() !== suggested.trim());
  const trigger = input.trigger === 'edit-fill' && !edited ? 'fill' : input.trigger;
  const today = input.today ?? todayIso();
  const rules =
    input.flags ??
    (input.reuse && input.suggestion ? reuseFlags(input.reuse, input.context, input.question, today) : undefined);
  const fromMatcher = input.suggestion ? warningFlags(input.suggestion.warnings) : [];
  const verdictFlags = matchFlags(input, edited, fromMatcher);
  const flags = [
    ...fieldFlags(input, value),
    ...verdictFlags,
    ...mergeFlags(
      rules,
      fromMatcher.filter((f) => !verdictFlags.some((v) => v.code === f.code)),
    ),
  ];
  const reasons: Reason[] = flags
    .map((f) => ({ ...f, gate: GATES[f.code][trigger] }))
    .sort((a, b) => GATE_RANK[a.gate] - GATE_RANK[b.gate] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const verdict: Verdict = reasons.some((r) => r.gate === 'block')
    ? 'blocked'
    : reasons.some((r) => r.gate === 'confirm')
      ? 'confirm'
      : 'fill';
  return { verdict, value, reasons };
}

/** The findings that stop or hold this decision (what a person must act on). */
export function holding(decision: FillDecision): Reason[] {
  return decision.reasons.filter((r) => r.gate !== 'note');
}
