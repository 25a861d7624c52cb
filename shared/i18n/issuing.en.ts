/** Messages of issuing and printing (electron/app), English. Keys are identical in issuing.uk.ts. */
export default {
  errors: {
    issuing: {
      signatoryUnavailable: 'The chosen signatory is not valid today or does not sign for this office. Choose another in the signatories directory.',
      declensionNeedsReview: 'The program could not tell the gender for declining the name. Check and confirm the dative and genitive forms.',
      refusalGrounds: 'The refusal is not registered: its grounds are chosen or worded wrongly.',
      journalOwnedElsewhere: 'Another workplace keeps this journal; its entries arrive only in exchange bundles.',
      kinshipDocumentMismatch: 'The kinship «{{kinship}}» is proved by a {{expected}}, but a {{presented}} was presented. It can be issued with this document only once the administrator confirms it (cl. 7.1).',
    },
    printing: {
      templateMissing: 'The template version this entry was registered with was not found ({{kind}}).',
      templateBroken: 'Template {{kind}} (version {{version}}) is damaged; no document was made.',
      wrongSort: 'This entry is not a certificate.',
      badRange: 'The period starts after it ends.',
    },
  },
} as const;
