/** Documents: verification and printing (English; same keys as documents.uk.ts). */
export default {
  errors: {
    documents: {
      keysOfAnotherWorkstation:
        "This computer's signing keys are not the ones the register prints with: check codes and QR codes from here would fail verification, and genuine documents would look forged. Printing and verification are stopped. IT: copy the keys folder from the first workstation into this one's data folder (docs/postgres.md, step 4) and restart the app.",
      noOfficeKey: 'Office {{officeCode}} has no signing key. Create it in the settings.',
      badOfficeCode: 'An office code is capital Latin letters, digits and hyphens (up to 12).',
      kindNameMissing: 'The catalogue has no name for the certificate kind «{{kind}}».',
      wrongEntrySort: 'This entry is not a document of the required type.',
      overlayOutOfPage: 'The inscription does not fit on the sheet: x at most {{maxX}} mm, y at most {{maxY}} mm.',
    },
  },
  documents: {
    verify: {
      title: 'Verify a certificate',
      prompt: 'QR code text or short code (e.g. K7M2Q-9QXDA)',
      valid: 'The document is genuine.',
      annulled: 'The document has been annulled.',
      replacedBy: 'Reissued as No. {{number}}.',
      forged: 'The document is forged or damaged.',
      unknown: 'The register has no such document.',
      reasons: {
        malformed: 'The code is malformed.',
        unknown_office: 'Signed by an unknown office.',
        bad_signature: 'The electronic signature does not match.',
        fields_mismatch: 'The data in the code differ from the register.',
        code_mismatch: 'The short code does not belong to this entry.',
      },
    },
    publicKeys: {
      title: 'Public verification keys',
      print: "Print for the council's website",
    },
  },
} as const;
