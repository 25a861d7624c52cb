import { DeskError } from '../../../shared/contract/errors.js';
import type { CustomKind } from '../../../shared/rules/catalogue.js';
import type { RegisterDb } from '../sql.js';
import {
  customKindExists,
  insertCustomKind,
  insertNextTemplateVersion,
  lockTemplateWrites,
  selectCurrentTemplate,
  selectCustomKinds,
  selectKindsWithTemplates,
  selectLatestTemplates,
  selectTemplateVersion,
  type CustomKindRecord,
  type TemplateVersionRow,
} from '../repositories/templates.js';
import { requireRole } from './context.js';
import type { Actor, AuditFn } from './directories.js';

/** The template engine's verdict on a text (shared/rules/templates.ts `parseTemplate`/`renderTemplate`). */
export type TemplateValidation =
  | { ok: true }
  | { ok: false; errors: { messageKey: string; params?: Record<string, string | number> }[] };
/** Checks a template's text for the kind it belongs to (each kind allows its own placeholders). */
export type TemplateValidator = (text: string, kindId: string, customKinds: readonly CustomKind[]) => TemplateValidation;

export interface TemplatesDeps {
  readonly db: RegisterDb;
  readonly now: () => Date;
  readonly audit: AuditFn;
  readonly validateTemplate: TemplateValidator;
}

export interface TemplateSummary {
  kindId: string;
  version: number;
  versions: number;
  updatedAt: string;
  updatedByName: string;
}

/** Who wrote the shipped default templates. */
const SYSTEM_AUTHOR = { id: 'system', name: 'system' } as const;

function rejectInvalid(validateTemplate: TemplateValidator, text: string, kindId: string, customKinds: readonly CustomKind[]): void {
  const verdict = validateTemplate(text, kindId, customKinds);
  if (verdict.ok) return;
  throw new DeskError(
    'invalid_input',
    'errors.templates.invalid',
    { count: verdict.errors.length },
    verdict.errors.map((error) => ({
      path: 'text',
      messageKey: error.messageKey,
      ...(error.params ? { params: error.params } : {}),
    })),
  );
}

/**
 * Template storage (R7.3): every kind's printed text is a versioned template. Versions are
 * append-only — a certificate records the version that printed it and must reprint identically.
 */
export function createTemplatesService(deps: TemplatesDeps) {
  const { db, now, audit, validateTemplate } = deps;

  async function isKnownKind(kindId: string): Promise<boolean> {
    return (await selectKindsWithTemplates(db)).has(kindId) || (await customKindExists(db, kindId));
  }

  /** 'template.upgrade' when the kind still prints an unedited retired default, else nothing to do. */
  async function upgradeAction(kindId: string, text: string, retired: readonly string[]): Promise<'template.upgrade' | undefined> {
    const current = await selectCurrentTemplate(db, kindId);
    const unedited = current !== undefined && current.createdBy === SYSTEM_AUTHOR.id && current.text !== text && retired.includes(current.text);
    return unedited ? 'template.upgrade' : undefined;
  }

  return {
    async currentTemplate(kindId: string): Promise<TemplateVersionRow> {
      const template = await selectCurrentTemplate(db, kindId);
      if (!template) throw new DeskError('not_found', 'errors.templates.notFound', { kindId });
      return template;
    },

    async templateVersion(kindId: string, version: number): Promise<TemplateVersionRow> {
      const template = await selectTemplateVersion(db, kindId, version);
      if (!template) throw new DeskError('not_found', 'errors.templates.notFound', { kindId, version });
      return template;
    },

    async listTemplates(): Promise<TemplateSummary[]> {
      return (await selectLatestTemplates(db)).map((row) => ({
        kindId: row.kindId,
        version: row.version,
        versions: row.versions,
        updatedAt: row.createdAt,
        updatedByName: row.createdByName,
      }));
    },

    /** Saves the text as the kind's next version; unknown placeholders or unrenderable text are refused. */
    async saveTemplate(kindId: string, text: string, actor: Actor): Promise<TemplateVersionRow> {
      requireRole(actor, ['head']);
      // Kinds and template versions are append-only: a kind known now stays known.
      if (!(await isKnownKind(kindId))) throw new DeskError('not_found', 'errors.templates.unknownKind', { kindId });
      rejectInvalid(validateTemplate, text, kindId, await selectCustomKinds(db));
      const createdAt = now().toISOString();
      const version = await db.write(async () => {
        await lockTemplateWrites(db);
        const saved = await insertNextTemplateVersion(db, {
          kindId,
          text,
          createdAt,
          createdBy: actor.userId,
          createdByName: actor.fullName,
        });
        await audit('template.save', 'template', kindId, `version=${saved}`, actor);
        return saved;
      });
      return { kindId, version, text, createdAt, createdBy: actor.userId, createdByName: actor.fullName };
    },

    /**
     * Seeds the shipped defaults: version 1 for every kind that has no template yet. Kinds the head
     * already edited are left alone, so an update of the defaults never overwrites the council's text;
     * a kind whose latest version is still a default an earlier release seeded (`retired`), unedited,
     * gets the current default as its next version — entries keep the version they recorded.
     * Which kinds lack a template is read under the template write lock, so workstations starting
     * at once against one PostgreSQL register seed each kind once; the others find it there.
     */
    async ensureDefaultTemplates(
      defaults: Record<string, { version: number; text: string }>,
      retired: Readonly<Record<string, readonly string[]>> = {},
    ): Promise<string[]> {
      const createdAt = now().toISOString();
      return db.write(async () => {
        await lockTemplateWrites(db);
        const existing = await selectKindsWithTemplates(db);
        const written: string[] = [];
        for (const [kindId, template] of Object.entries(defaults)) {
          const action = existing.has(kindId) ? await upgradeAction(kindId, template.text, retired[kindId] ?? []) : 'template.seed';
          if (action === undefined) continue;
          await insertNextTemplateVersion(db, { kindId, text: template.text, createdAt, createdBy: SYSTEM_AUTHOR.id, createdByName: SYSTEM_AUTHOR.name });
          await audit(action, 'template', kindId, `default=${template.version}`);
          written.push(kindId);
        }
        return written;
      });
    },

    async listCustomKinds(): Promise<CustomKindRecord[]> {
      return selectCustomKinds(db);
    },

    /** The custom kinds as the rules read them (R7.15): without who added them and when. */
    async customKinds(): Promise<CustomKind[]> {
      return (await selectCustomKinds(db)).map(({ createdAt: _at, createdBy: _by, ...kind }) => kind);
    },

    /** R7.15: a kind added by an executive committee decision, with its template as version 1. */
    async addCustomKind(kind: CustomKind, templateText: string, actor: Actor): Promise<CustomKindRecord> {
      requireRole(actor, ['head']);
      rejectInvalid(validateTemplate, templateText, kind.id, [...(await selectCustomKinds(db)), kind]);
      const record: CustomKindRecord = { ...kind, createdAt: now().toISOString(), createdBy: actor.userId };
      await db.write(async () => {
        await lockTemplateWrites(db);
        if (await isKnownKind(kind.id)) {
          throw new DeskError('conflict', 'errors.templates.kindExists', { kindId: kind.id });
        }
        await insertCustomKind(db, record);
        await insertNextTemplateVersion(db, {
          kindId: kind.id,
          text: templateText,
          createdAt: record.createdAt,
          createdBy: actor.userId,
          createdByName: actor.fullName,
        });
        await audit('custom_kind.add', 'custom_kind', kind.id, `decision=${kind.decision.number} of ${kind.decision.date}`, actor);
      });
      return record;
    },
  };
}

export type TemplatesService = ReturnType<typeof createTemplatesService>;
