/** English strings of the directories, templates storage and declension (same keys as directories.uk.ts). */
export default {
  directories: {
    sealKinds: {
      for_certificates: '«For certificates» seal',
      executive_committee: 'Executive committee seal',
    },
    bodyTypes: {
      committee: 'Self-organisation body',
      osbb: 'Condominium association (ОСББ)',
    },
    committeeKinds: {
      quarter: 'Quarter committee',
      house: 'House committee',
    },
    postRoles: {
      head: 'Head',
      deputy: 'Deputy head',
    },
    settlementKinds: {
      city: 'city',
      settlement: 'settlement',
      village: 'village',
    },
    streetKinds: {
      street: 'street',
      lane: 'lane',
      avenue: 'avenue',
      boulevard: 'boulevard',
      square: 'square',
      passage: 'passage',
      descent: 'descent',
      dead_end: 'dead end',
      highway: 'highway',
      microdistrict: 'microdistrict',
    },
  },
  errors: {
    directories: {
      signatoryNotFound: 'Signatory not found.',
      bodyNotFound: 'Self-organisation body or ОСББ not found.',
      postNotFound: 'Post record not found.',
      settlementNotFound: 'Settlement not found.',
      streetNotFound: 'Street not found.',
      periodOrder: 'The end date cannot be earlier than the start date.',
      periodOverlap: 'Someone else already holds the post from {{from}}. History is not rewritten: close the current period and add a new one.',
      postClosed: 'This period is already closed.',
      osbbNoDeputy: 'ОСББ certificates are signed by the ОСББ head (cl. 7.8): no deputies are kept for an ОСББ.',
      bodyTypeFixed: 'The type of a body (committee or ОСББ) cannot be changed.',
      streetExists: 'This settlement already has such a street.',
      committeeKindForOsbb: 'The committee kind is for committees only, not for an ОСББ.',
      sealNameWithoutSeal: 'A seal name is given only when there is a seal.',
    },
    templates: {
      invalid: 'The template was not saved: {{count}} error(s).',
      notFound: 'Template not found.',
      unknownKind: 'Unknown certificate kind: {{kindId}}.',
      kindExists: 'The certificate kind {{kindId}} already exists.',
    },
  },
} as const;
