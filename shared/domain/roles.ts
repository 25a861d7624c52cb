import { z } from 'zod';

/** R7.10 and the department's structure: head of the ЦНАП department, administrator, remote administrator. */
export const roles = ['head', 'admin', 'remote_admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const ALL_ROLES = roles;
export const STAFF_ROLES = roles;
export const HEAD_ONLY = ['head'] as const satisfies readonly Role[];
