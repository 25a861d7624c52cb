import { actualResidenceFamily } from './actual-residence-family.js';
import { breadwinnerCohabitation } from './breadwinner-cohabitation.js';
import { certifiedKinds } from './certified.js';
import type { CertifiedKindSpec, IssuedKindSpec } from './define.js';
import { family } from './family.js';
import { registration } from './registration.js';

/** The kinds the ЦНАП issues itself (R7.1.1–4), in the order the form lists them. A new kind is a file here and a line below. */
export const issuedKindSpecs: readonly IssuedKindSpec[] = [registration, family, actualResidenceFamily, breadwinnerCohabitation];

export const certifiedKindSpecs: readonly CertifiedKindSpec[] = certifiedKinds;
