import type { CliCommand } from '../command.js';
import { backupCommand } from './backup.js';
import { exportBundleCommand } from './export-bundle.js';
import { exportWorkplaceCommand } from './export-workplace.js';
import { importBundleCommand } from './import-bundle.js';
import { recreateWorkplaceCommand } from './recreate-workplace.js';
import { importUpdatesCommand } from './import-updates.js';
import { migratePostgresCommand } from './migrate-postgres.js';
import { migrateToPostgresCommand } from './migrate-to-postgres.js';
import { restoreCommand } from './restore.js';
import { restoreProtectionsCommand } from './restore-protections.js';
import { samplesCommand } from './samples.js';
import { seedCommand } from './seed.js';
import { verifyCommand } from './verify.js';

/** Every `npm run cli` subcommand; append new ones here. */
export const cliCommands: CliCommand[] = [
  verifyCommand,
  backupCommand,
  restoreCommand,
  restoreProtectionsCommand,
  samplesCommand,
  exportBundleCommand,
  importBundleCommand,
  exportWorkplaceCommand,
  recreateWorkplaceCommand,
  importUpdatesCommand,
  seedCommand,
  migratePostgresCommand,
  migrateToPostgresCommand,
];
