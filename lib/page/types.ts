// The plain, serializable snapshot the content script sends out of the page. No DOM references:
// fields are named by opaque fids, and the page keeps the fid -> element map to itself.
import { z } from 'zod';

/**
 * 'file': an upload (input type=file, a drop zone). Crosswalk never uploads: the panel names the evidence
 * document to attach and fills the paired comment box.
 */
export const FieldKind = z.enum(['text', 'textarea', 'contenteditable', 'select', 'radio', 'checkbox', 'file']);
export type FieldKind = z.infer<typeof FieldKind>;

/** Where the question text was found, strongest first (for debugging and confidence). */
export const LabelSource = z.enum([
  'label-for',
  'label-wrap',
  'aria-labelledby',
  'aria-label',
  'aria-describedby',
  'legend',
  'table-row',
  'grid-row',
  'column-header',
  'definition-list',
  'preceding-text',
  'heading',
  'title',
  'placeholder',
]);
export type LabelSource = z.infer<typeof LabelSource>;

export const QuestionField = z.object({
  /** Opaque id, stable across rescans of the same element; includes the frame prefix when merged across frames. */
  fid: z.string().min(1),
  /** The question as a person reads it: numbering and required markers stripped. */
  question: z.string(),
  /** Helper or hint text shown with the question, kept apart from it. */
  helper: z.string().optional(),
  /** The number or code printed before the question ("3.1", "IAM-02"), if any. */
  number: z.string().optional(),
  kind: FieldKind,
  /** Visible option labels for select, radio and checkbox groups, in page order. */
  options: z.array(z.string()).optional(),
  /** Nearest section heading. */
  section: z.string().optional(),
  /** The current answer: text, the selected option label(s) joined by "; ", or "" when empty. */
  value: z.string(),
  /** fid of the paired comment / explanation box, when the question has one. */
  comment: z.string().optional(),
  /** What that comment box holds, when it holds anything (it is not listed as a question of its own). */
  commentValue: z.string().optional(),
  required: z.boolean().optional(),
  disabled: z.boolean().optional(),
  labelSource: LabelSource.optional(),
  /**
   * false when something covers the field (a dialog, a banner, an overlay): a person cannot see it now, so
   * the panel marks it and nothing fills it. Absent when visible. Fields nobody can see at all (hidden,
   * clipped away, transparent, off the page) are not questions and are never listed.
   */
  visible: z.boolean().optional(),
  /** Frame the field lives in (0 = top). */
  frameId: z.number().int().optional(),
});
export type QuestionField = z.infer<typeof QuestionField>;

export const FillResult = z.object({
  fid: z.string(),
  ok: z.boolean(),
  /** The value read back from the page after filling. */
  value: z.string(),
  previous: z.string(),
  error: z.string().optional(),
});
export type FillResult = z.infer<typeof FillResult>;
