import { v7 as uuidv7 } from 'uuid';
import { DeskError } from '../../../shared/contract/errors.js';
import type { UserSummary } from '../../../shared/domain/directories-core.js';
import type { Role } from '../../../shared/domain/roles.js';
import type { SessionUser } from './session.js';
import { hashPassword } from '../password.js';
import { getOffice } from '../repositories/offices.js';
import {
  countActiveHeads,
  getUser,
  getUserByLogin,
  insertUser,
  listUsers,
  setPasswordHash,
  updateUserProfile,
  type UserRow,
} from '../repositories/users.js';
import type { AuthService } from './auth.js';
import { writeAudit } from './audit.js';
import { requireRole, type ServiceContext } from './context.js';

export interface CreateUserInput {
  login: string;
  fullName: string;
  role: Role;
  officeId: string;
  password: string;
}

export interface UpdateUserInput {
  id: string;
  fullName?: string;
  role?: Role;
  officeId?: string;
  active?: boolean;
}

function toSummary(user: UserRow, now: Date): UserSummary {
  const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now.getTime();
  return {
    id: user.id,
    login: user.login,
    fullName: user.fullName,
    role: user.role,
    officeId: user.officeId,
    active: user.active,
    ...(locked && user.lockedUntil ? { lockedUntil: user.lockedUntil } : {}),
  };
}

export function createUsersService(ctx: ServiceContext, auth: AuthService) {
  async function existing(id: string): Promise<UserRow> {
    const user = await getUser(ctx.db, id);
    if (!user) throw new DeskError('not_found', 'errors.users.notFound');
    return user;
  }

  async function requireOffice(officeId: string): Promise<void> {
    if (!(await getOffice(ctx.db, officeId))) throw new DeskError('not_found', 'errors.offices.notFound');
  }

  return {
    async list(actor: SessionUser): Promise<UserSummary[]> {
      requireRole(actor, ['head']);
      return (await listUsers(ctx.db)).map((user) => toSummary(user, ctx.now()));
    },

    async create(actor: SessionUser, input: CreateUserInput): Promise<UserSummary> {
      requireRole(actor, ['head']);
      await requireOffice(input.officeId);
      const passwordHash = await hashPassword(input.password);
      const user: UserRow = {
        id: uuidv7(),
        login: input.login,
        fullName: input.fullName,
        role: input.role,
        officeId: input.officeId,
        passwordHash,
        failedCount: 0,
        lockedUntil: null,
        active: true,
      };
      await ctx.db.write(async () => {
        if (await getUserByLogin(ctx.db, input.login)) throw new DeskError('conflict', 'errors.users.loginTaken');
        await insertUser(ctx.db, user);
        await writeAudit(ctx, { userId: actor.userId, action: 'user.create', entity: 'user', entityId: user.id, summary: `role ${user.role}` });
      });
      return toSummary(user, ctx.now());
    },

    /** Also deactivates (`active: false`): users are never deleted, their entries keep their name. */
    async update(actor: SessionUser, input: UpdateUserInput): Promise<UserSummary> {
      requireRole(actor, ['head']);
      if (input.officeId !== undefined) await requireOffice(input.officeId);
      const next = await ctx.db.write(async () => {
        const current = await existing(input.id);
        const updated: UserRow = {
          ...current,
          fullName: input.fullName ?? current.fullName,
          role: input.role ?? current.role,
          officeId: input.officeId ?? current.officeId,
          active: input.active ?? current.active,
        };
        if (updated.id === actor.userId && (!updated.active || updated.role !== 'head')) {
          throw new DeskError('conflict', 'errors.users.notYourself');
        }
        const losesHead = current.role === 'head' && current.active && (updated.role !== 'head' || !updated.active);
        if (losesHead && await countActiveHeads(ctx.db) <= 1) throw new DeskError('conflict', 'errors.users.lastHead');
        await updateUserProfile(ctx.db, updated);
        await writeAudit(ctx, { userId: actor.userId, action: 'user.update', entity: 'user', entityId: updated.id, summary: changedFields(input) });
        return updated;
      });
      auth.endSessionsOf(next.id);
      return toSummary(next, ctx.now());
    },

    async resetPassword(actor: SessionUser, input: { id: string; password: string }): Promise<void> {
      requireRole(actor, ['head']);
      await existing(input.id);
      const passwordHash = await hashPassword(input.password);
      await ctx.db.write(async () => {
        await setPasswordHash(ctx.db, input.id, passwordHash);
        await writeAudit(ctx, { userId: actor.userId, action: 'user.reset_password', entity: 'user', entityId: input.id, summary: 'password reset' });
      });
      auth.endSessionsOf(input.id);
    },
  };
}

function changedFields(input: UpdateUserInput): string {
  return Object.keys(input)
    .filter((key) => key !== 'id')
    .sort()
    .join(', ');
}

export type UsersService = ReturnType<typeof createUsersService>;
