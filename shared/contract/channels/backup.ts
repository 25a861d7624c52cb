import { z } from 'zod';
import { defineChannel } from '../define.js';
import { jobStartedSchema } from './job-started.js';

export const backupInfoSchema = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  reason: z.enum(['manual', 'auto', 'before-restore']),
});

export const restoreResultSchema = z.object({ restoredFrom: z.string(), savedCurrentAs: backupInfoSchema });

/** Backup and restore of the register file. */
export const backupChannels = {
  'backup.create': defineChannel({
    input: z.object({}).strict(),
    output: jobStartedSchema,
    access: ['head'],
    mutates: true,
    summary:
      'Starts an online backup to the configured folder with a timestamped name, checked after copying; `jobs.status` reports progress and the BackupInfo. One backup or restore at a time (head only).',
  }),
  'backup.list': defineChannel({
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), items: z.array(backupInfoSchema) }),
    access: ['head'],
    mutates: false,
    summary: 'Backups in the configured folder, newest first (head only).',
  }),
  'backup.restore': defineChannel({
    input: z.object({ name: z.string().regex(/^register-[0-9TZ-]+-(manual|auto|before-restore)\.sqlite$/) }).strict(),
    output: jobStartedSchema,
    access: ['head'],
    mutates: true,
    summary:
      'Starts restoring a backup from the list: checked, the current register saved first, then replaced (not cancellable) and everyone logged out; the window that started it reads the outcome once from `jobs.status` (head only).',
  }),
} as const;
