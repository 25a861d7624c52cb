import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import { isOfficeCode, type Office, type OfficeKind } from '../../../shared/domain/directories-core.js';
import type { SessionUser } from './session.js';
import { getOffice, insertOffice, listOffices, officeCodeTaken, updateOffice } from '../repositories/offices.js';
import { writeAudit } from './audit.js';
import { journalWritableHere } from './workplace.js';
import { requireRole, type ServiceContext } from './context.js';

export interface CreateOfficeInput {
  code: string;
  name: string;
  kind: OfficeKind;
  starostaDistrict?: string;
}

export interface UpdateOfficeInput {
  id: string;
  code?: string;
  name?: string;
  kind?: OfficeKind;
  starostaDistrict?: string | null;
  active?: boolean;
}

/** Checked here as well as in the contract: the code is printed in numbers and named in bundles. */
export function assertOfficeCode(code: string): void {
  if (!isOfficeCode(code)) throw new DeskError('invalid_input', 'errors.invalid_input', undefined, [{ path: 'code', messageKey: 'validation.office.code' }]);
}

/** R3.5: one central ЦНАП; every other office is a remote workplace. */
async function assertOnlyCentral(ctx: ServiceContext, office: Office): Promise<void> {
  if (office.kind !== 'central') return;
  const others = (await listOffices(ctx.db)).filter((other) => other.kind === 'central' && other.id !== office.id);
  if (others.length > 0) throw new DeskError('conflict', 'errors.offices.centralExists');
}

export function createOfficesService(ctx: ServiceContext) {
  return {
    /** Every logged-in user sees the office list (names for journals and reports). */
    async list(): Promise<Office[]> {
      return await listOffices(ctx.db);
    },

    /** Whether this workplace may write the office's journals (R3.5: each journal is kept at one workplace). */
    journalWritableHere: (officeId: string): Promise<boolean> => journalWritableHere(ctx, officeId),

    async create(actor: SessionUser, input: CreateOfficeInput): Promise<Office> {
      requireRole(actor, ['head']);
      const office: Office = {
        id: uuidv7(),
        code: input.code,
        name: input.name,
        kind: input.kind,
        ...(input.starostaDistrict ? { starostaDistrict: input.starostaDistrict } : {}),
        active: true,
      };
      assertOfficeCode(office.code);
      await ctx.db.write(async () => {
        await assertOnlyCentral(ctx, office);
        if (await officeCodeTaken(ctx.db, office.code)) throw new DeskError('conflict', 'errors.offices.codeTaken');
        await insertOffice(ctx.db, office);
        await writeAudit(ctx, { userId: actor.userId, action: 'office.create', entity: 'office', entityId: office.id, summary: office.code });
      });
      return office;
    },

    async update(actor: SessionUser, input: UpdateOfficeInput): Promise<Office> {
      requireRole(actor, ['head']);
      return ctx.db.write(async () => {
        const current = await getOffice(ctx.db, input.id);
        if (!current) throw new DeskError('not_found', 'errors.offices.notFound');
        const { starostaDistrict: _dropped, ...base } = current;
        const district = input.starostaDistrict === undefined ? current.starostaDistrict : input.starostaDistrict;
        const next: Office = {
          ...base,
          code: input.code ?? current.code,
          name: input.name ?? current.name,
          kind: input.kind ?? current.kind,
          active: input.active ?? current.active,
          ...(district ? { starostaDistrict: district } : {}),
        };
        assertOfficeCode(next.code);
        await assertOnlyCentral(ctx, next);
        if (await officeCodeTaken(ctx.db, next.code, next.id)) throw new DeskError('conflict', 'errors.offices.codeTaken');
        await updateOffice(ctx.db, next);
        await writeAudit(ctx, { userId: actor.userId, action: 'office.update', entity: 'office', entityId: next.id, summary: next.code });
        return next;
      });
    },
  };
}

export type OfficesService = ReturnType<typeof createOfficesService>;
