// What each writer reports: the value read back from the page, never a claim.
export interface WriteOutcome {
  ok: boolean;
  value: string;
  error?: string;
}
