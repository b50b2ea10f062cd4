/** User administration: create, update, deactivate, assign roles. Each change is audited. */
import { recordAudit } from '../../auth/audit.js';
import { emailLimiter } from '../../auth/login-throttle.js';
import { hashPassword, passwordPolicyViolation } from '../../auth/password.js';
import { assertHoldsRole } from '../../auth/permissions.js';
import { type Caller, invalidatePrincipals } from '../../auth/viewer.js';
import { prisma } from '../../db/client.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { assertCanGrantRole, normaliseEmail } from '../auth/auth.service.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkName(name: string | null | undefined, fields: Record<string, string>) {
  if (name != null && (name.trim().length < 1 || name.trim().length > 200)) fields.name = 'must be 1 to 200 characters';
}

export async function createUser(
  caller: Caller,
  input: { email: string; name: string; password: string; roleId: string },
) {
  const email = normaliseEmail(input.email);
  const fields: Record<string, string> = {};
  if (!EMAIL.test(email) || email.length > 254) fields.email = 'must be a valid email address';
  checkName(input.name, fields);
  const problem = passwordPolicyViolation(input.password, email);
  if (problem) fields.password = problem;
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  await assertCanGrantRole(caller.permissions, input.roleId);
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name: input.name.trim(), passwordHash, roleId: input.roleId },
      });
      await recordAudit(
        caller.meta,
        {
          action: 'user.create',
          actor: caller.viewer,
          targetType: 'User',
          targetId: user.id,
          details: { roleId: input.roleId },
        },
        tx,
      );
      return user.id;
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new ConflictError(`A user with the email ${email} already exists.`, { fields: { email: 'is taken' } });
    }
    throw error;
  }
}

export async function updateUser(caller: Caller, id: string, input: { name?: string | null; email?: string | null }) {
  const fields: Record<string, string> = {};
  checkName(input.name, fields);
  const email = input.email != null ? normaliseEmail(input.email) : undefined;
  if (email !== undefined && (!EMAIL.test(email) || email.length > 254)) fields.email = 'must be a valid email address';
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  const exists = await prisma.user.findUnique({ where: { id }, select: { id: true, roleId: true } });
  if (!exists) throw new NotFoundError('User');
  await assertHoldsRole(caller.permissions, exists.roleId);
  try {
    await prisma.$transaction(async (tx) => {
      await tx.user.update({
        where: { id },
        data: { ...(input.name != null ? { name: input.name.trim() } : {}), ...(email ? { email } : {}) },
      });
      await recordAudit(
        caller.meta,
        {
          action: 'user.update',
          actor: caller.viewer,
          targetType: 'User',
          targetId: id,
          details: { fields: Object.keys(input) },
        },
        tx,
      );
    });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new ConflictError(`A user with the email ${email} already exists.`, { fields: { email: 'is taken' } });
    }
    throw error;
  }
  return id;
}

/** Deactivates the account and ends its sessions: its live access tokens fail from the next request. */
export async function deactivateUser(caller: Caller, id: string) {
  if (caller.viewer.kind === 'user' && caller.viewer.userId === id) {
    throw new ValidationError({ id: 'cannot be your own account' });
  }
  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, roleId: true } });
  if (!user) throw new NotFoundError('User');
  await assertHoldsRole(caller.permissions, user.roleId);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { isActive: false } });
    await tx.session.updateMany({
      where: { userId: id, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: 'user_deactivated' },
    });
    await recordAudit(
      caller.meta,
      { action: 'user.deactivate', actor: caller.viewer, targetType: 'User', targetId: id },
      tx,
    );
  });
  invalidatePrincipals();
  return id;
}

/** Reactivates the account and lifts a login lock (in the database and in this process). */
export async function reactivateUser(caller: Caller, id: string) {
  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, email: true, roleId: true } });
  if (!user) throw new NotFoundError('User');
  await assertHoldsRole(caller.permissions, user.roleId);
  emailLimiter.reset(user.email);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { isActive: true, failedLoginCount: 0, lockedUntil: null } });
    await recordAudit(
      caller.meta,
      { action: 'user.reactivate', actor: caller.viewer, targetType: 'User', targetId: id },
      tx,
    );
  });
  invalidatePrincipals();
  return id;
}

export async function assignRole(caller: Caller, userId: string, roleId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, roleId: true } });
  if (!user) throw new NotFoundError('User');
  if (caller.viewer.kind === 'user' && caller.viewer.userId === userId) {
    throw new ValidationError({ userId: 'cannot be your own account' });
  }
  await assertCanGrantRole(caller.permissions, roleId);
  // Taking a role away also needs every permission of the old one.
  await assertHoldsRole(caller.permissions, user.roleId);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { roleId } });
    await recordAudit(
      caller.meta,
      {
        action: 'user.assign_role',
        actor: caller.viewer,
        targetType: 'User',
        targetId: userId,
        details: { from: user.roleId, to: roleId },
      },
      tx,
    );
  });
  invalidatePrincipals();
  return userId;
}
