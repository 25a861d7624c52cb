/** What the command line and the bridge print for failures outside the register's own rules (English). */
export default {
  errors: {
    system: {
      ENOENT: 'There is no file or folder {{path}}. Check the path and try again.',
      EACCES: 'No permission to use {{path}}. Check the file or folder rights, or run as the account that owns it.',
      EPERM: 'The system does not allow this with {{path}}. Check the file or folder rights.',
      ENOSPC: 'The disk is full ({{path}}). Free some space and try again.',
      EROFS: 'The disk is read-only ({{path}}). Choose another folder.',
      EISDIR: '{{path}} is a folder, a file is needed here.',
      ENOTDIR: 'Part of the path {{path}} is a file, a folder is needed here.',
      EEXIST: '{{path}} already exists.',
      EBUSY: '{{path}} is in use by another program. Close it and try again.',
      EADDRINUSE: 'The port is already taken by another program. Choose another one with --port N.',
      other: 'The operating system refused the operation ({{code}}) with {{path}}.',
    },
    usage: "The command's options are wrong: {{message}}",
    unexpected: 'Unexpected failure: {{message}}. Nothing more was done; tell IT and show them this message.',
  },
} as const;
