import { currentGeneration, latestExchange, listJournals, listOffices } from '../register/services/replication.js';
import type { ServiceContext } from '../register/services/context.js';
import { readDeskSettings } from '../register/services/settings.js';
import { dateOf, daysBetween } from './state.js';

/** Days without a bundle from an office after which the centre lists it as overdue, unless the settings say otherwise. */
export const DEFAULT_OVERDUE_DAYS = 7;

export interface OfficeOverview {
  officeId: string;
  officeCode: string;
  officeName: string;
  journals: { journalId: string; index: string }[];
  /** A workplace package was ever issued (the office is set up, or being set up). */
  workplaceIssued: boolean;
  /** Installation generation: 1, or more once the office's PC was re-created. */
  generation: number;
  lastBundle: { sequence: number; importedAt: string; entries: number; alreadyPresent: number } | null;
  lastConfirmation: { version: number; acknowledgedSequence: number; at: string } | null;
  /** Days since the last bundle came (or, before any, since the workplace package was issued). */
  daysSinceBundle: number | null;
  overdue: boolean;
}

/**
 * The centre's view of its remote offices (R3.5): each office's last bundle (number, when it was
 * imported, how many entries it brought), the last confirmation sent back in an update package,
 * and whether it is overdue — no bundle for longer than «exchangeWarningDays» (the same limit
 * the offices are warned by), 7 days by default.
 */
export async function officesOverview(ctx: ServiceContext): Promise<{ overdueAfterDays: number; offices: OfficeOverview[] }> {
  const overdueAfterDays = (await readDeskSettings(ctx)).exchangeWarningDays ?? DEFAULT_OVERDUE_DAYS;
  const today = dateOf(ctx.now().toISOString());
  const offices: OfficeOverview[] = [];
  for (const office of await listOffices(ctx.db)) {
    if (office.kind !== 'remote' || !office.active) continue;
    const bundle = await latestExchange(ctx.db, office.id, 'bundle', 'import');
    const update = await latestExchange(ctx.db, office.id, 'update', 'export');
    const workplace = await latestExchange(ctx.db, office.id, 'workplace', 'export');
    // Counted from the last bundle, or from the latest workplace package while none has come since.
    const since = [bundle?.at, workplace?.at].filter((at): at is string => at !== undefined).sort().at(-1);
    const days = since ? Math.max(0, daysBetween(dateOf(since), today)) : null;
    offices.push({
      officeId: office.id,
      officeCode: office.code,
      officeName: office.name,
      journals: (await listJournals(ctx.db, office.id)).map((journal) => ({ journalId: journal.id, index: journal.index })),
      workplaceIssued: workplace !== undefined,
      generation: await currentGeneration(ctx.db, office.id),
      lastBundle: bundle
        ? { sequence: bundle.sequence, importedAt: bundle.at, entries: bundle.counts.entries ?? 0, alreadyPresent: bundle.counts.alreadyPresent ?? 0 }
        : null,
      lastConfirmation: update ? { version: update.sequence, acknowledgedSequence: update.acknowledged ?? 0, at: update.at } : null,
      daysSinceBundle: days,
      overdue: days !== null && days > overdueAfterDays,
    });
  }
  return { overdueAfterDays, offices };
}
