/**
 * `R7.4.2` → `7.4.2`: a rule's point as a reader of the regulation writes it («п. 7.4.2»). The
 * R-ids stay in code and tests; people read points.
 */
export function rulePoint(ruleId: string): string {
  return ruleId.replace(/^R/, '');
}
