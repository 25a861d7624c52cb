import type { CertifiedKindSpec } from './define.js';

/**
 * Certificates a quarter/house committee (R7.5.1–12, R7.9) or an ОСББ head (R7.8) issues and the
 * ЦНАП certifies the signature on: each is one line, its title in its strings.
 */
export const certifiedKinds: readonly CertifiedKindSpec[] = [
  { id: 'committee_family', rule: 'R7.5.1' },
  { id: 'committee_actual_residence', rule: 'R7.5.2' },
  { id: 'committee_residence_care', rule: 'R7.5.3' },
  { id: 'committee_stove_heating', rule: 'R7.5.4' },
  { id: 'committee_residence_with_relatives', rule: 'R7.5.5' },
  { id: 'committee_burial', rule: 'R7.5.6' },
  { id: 'committee_deceased_residence', rule: 'R7.5.7' },
  { id: 'committee_residence_on_death', rule: 'R7.5.8' },
  { id: 'committee_dependency_spouse', rule: 'R7.5.9' },
  { id: 'committee_land_plot', rule: 'R7.5.10' },
  { id: 'committee_livestock', rule: 'R7.5.11' },
  // R7.5.12 and R7.9: characteristics from the place of residence (police, military commissariat, …).
  { id: 'committee_characteristic', rule: 'R7.9' },
  // R7.8: the stove / gas-cylinder certificate issued by the head of an ОСББ.
  { id: 'osbb_stove_heating', rule: 'R7.8', issuer: 'osbb' },
];
