import { z } from 'zod';
import { defineChannel } from '../define.js';
import { backupFolderSchema, deskSettingsSchema, inscriptionOffsetSchema, numberFormatSchema } from '../../domain/directories-core.js';

export const settingsChannels = {
  'settings.get': defineChannel({
    input: z.object({}).strict(),
    output: deskSettingsSchema,
    access: 'session',
    mutates: false,
    summary: 'Idle lock minutes, backup folder, number format, training mode.',
  }),
  'settings.update': defineChannel({
    input: z
      .object({
        idleLockMinutes: z.number().int().min(1).max(240).optional(),
        backupFolder: backupFolderSchema.nullable().optional(),
        numberFormat: numberFormatSchema.optional(),
        trainingMode: z.boolean().optional(),
        inscriptionOffset: inscriptionOffsetSchema.optional(),
        exchangeWarningDays: z.number().int().min(1).max(365).optional(),
      })
      .strict(),
    output: deskSettingsSchema,
    access: ['head'],
    mutates: true,
    summary: 'Change desk settings (head only); `backupFolder: null` returns to the default folder.',
  }),
} as const;
