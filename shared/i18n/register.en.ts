/** Register strings: errors of the journal, user and backup services and the command line. */
export default {
  errors: {
    register: {
      notARegister: 'This file is not a ЦНАП register (another program\'s file, damaged or empty). The file was not changed.',
      truncated: 'The register file is shorter than its header says, and the missing part is not in register.sqlite-wal either. Nothing was changed. Before anything else, copy the whole data folder (register.sqlite with its -wal and -shm files) to a safe place. If the disk was full, free space and start the desk again. Do not restore a backup before IT has compared it with that copy: a backup lacks every entry made after it.',
      newerSchema: 'The register was written by a newer version of the app (schema {{found}}, this version knows up to {{supported}}). Update the app.',
      olderSchema: 'This register copy has an older schema ({{found}} instead of {{supported}}); restore it rather than open it for viewing.',
      notFound: 'The register file was not found.',
      otherOffice: 'This is only available for the journals of your own workplace.',
      journalTampered: 'Journal {{journal}} failed its integrity check (an entry was changed, removed or moved outside the app). It is read-only until the department head decides.',
      notTampered: "This journal's chain verifies: there is nothing to decide.",
    },
    setup: {
      alreadyDone: 'The first-run setup has already been done.',
      notDone: "The council's requisites are not set yet: run the first-run setup.",
    },
    auth: {
      badCredentials: 'Wrong login or password.',
      locked: 'The account is locked after five failed logins. Try again in {{minutes}} min.',
    },
    users: {
      notFound: 'User not found.',
      loginTaken: 'This login is already taken.',
      lastHead: 'At least one active department head must remain.',
      notYourself: 'You cannot deactivate your own account or remove your own head role.',
    },
    offices: {
      notFound: 'Workplace not found.',
      codeTaken: 'A workplace with this code already exists.',
      centralExists: 'There is already a central ЦНАП; other workplaces are remote.',
    },
    journals: {
      notFound: 'Journal not found.',
      indexTaken: 'The register already has a journal with this index (perhaps in another office): the two journals would print the same numbers. Choose another index, e.g. 02-01.',
      hasEntries: 'The journal already has entries: its workplace and index cannot change.',
      inactive: 'The journal is closed for new entries.',
      sortNotHeld: 'This journal does not hold entries of this sort ({{sort}}).',
    },
    entries: {
      notFound: 'Journal entry not found.',
      invalidContent: 'The entry data are incomplete or wrong.',
      clockBehind: "The computer's clock shows a year before the journal's latest entry ({{year}}). Check the date and time.",
      annulled: 'The entry is annulled.',
      alreadyHandedOver: 'The handover of this document is already recorded.',
      alreadyAnnulled: 'The entry is already annulled.',
      notAnnulled: 'The entry is not annulled, so it cannot be replaced.',
      alreadyReissued: 'This entry already names the entry issued in its place.',
      submissionReused: 'This form was already registered in another journal. Open a new form.',
    },
    audit: {
      badAction: 'Unknown audit action.',
    },
    backup: {
      notFound: 'Backup not found.',
      sameFile: 'The register cannot be restored from itself.',
      copyDamaged: 'The backup is damaged (it failed the integrity check).',
      badName: 'Wrong backup file name.',
      onServer: 'The register is kept on a PostgreSQL server: the server makes its backups (pg_dump); see the administrator guide.',
      folderUnusable: 'The backup folder «{{folder}}» cannot be used: it is not a folder, or the desk has no rights to it. Choose another folder in the settings.',
    },
  },
  validation: {
    journal: {
      index: 'Nomenclature index: digits, capital Ukrainian or Latin letters; dot, hyphen, slash only between them (up to 20 characters).',
      numberFormat: 'The number format must contain {number} and may contain {index}, {year}, {office}.',
    },
    settings: {
      backupFolder: 'Backup folder: a full path (/… or C:\\…), without «.» or «..», without control characters.',
    },
    emblem: {
      notBase64: 'The emblem could not be read: upload the image file again.',
      tooLarge: 'The emblem file is too large: at most 512 KB.',
      notPngOrJpeg: 'The emblem must be a PNG or JPEG image (not a GIF, not text).',
      damaged: 'The emblem file is damaged: it cannot be read as a PNG or JPEG.',
      dimensions: 'The emblem is too large: at most 2000 pixels a side and 2 megapixels in all.',
    },
    office: {
      code: 'Code: capital Latin letters and digits; groups joined by single hyphens, none at either end (up to 12 characters, e.g. ST-01).',
    },
  },
  cli: {
    usage: 'Usage: npm run cli -- <command> [options]. Commands:',
    unknownCommand: 'Unknown command "{{command}}".',
    missingOption: 'The --{{option}} option is required.',
    verify: {
      summary: 'check the file integrity and the chain of every journal',
      integrityFailed: 'The integrity check (quick_check) failed:',
      journalOk: 'Journal {{index}} ({{office}}): {{entries}} entries, all sound.',
      journalBad: 'Journal {{index}} ({{office}}): first bad entry — year {{year}}, No. {{number}} ({{printedNumber}}), reason: {{reason}}.',
      allOk: 'The register is sound.',
      witnessMatches: 'Witness code {{code}} matches: journal {{index}} ({{office}}), entry {{printedNumber}} of {{date}}, the last on the printed page.',
      witnessUnknown: 'Witness code {{code}} matches no entry of the register: the page is not from this register or the journal was changed.',
      witnessFormat: 'A witness code is 16 hexadecimal characters (0–9, a–f), as in the footer of a journal page.',
    },
    backup: {
      summary: 'back the register up into a folder',
      progress: 'Copying: {{percent}}%',
      done: 'Backup saved: {{file}}',
    },
    samples: {
      summary: 'write a sample PDF of every document, made through the register, into a folder',
      done: 'Samples written: {{count}}.',
    },
    restore: {
      summary: 'restore the register from a backup (the current file is saved first)',
      done: 'Register restored from {{from}}. The previous state was saved: {{saved}}',
      checking: 'Checking the chosen backup…',
      saving: 'Saving the current register…',
      replacing: 'Replacing the register with the backup…',
    },
    failed: 'Error: {{message}}',
  },
} as const;
