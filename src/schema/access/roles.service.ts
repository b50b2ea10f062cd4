/**
 * Roles and permissions as data: create, update (parent, description), delete, set permissions.
 * Inheritance cycles are refused; every change invalidates the permission cache at once.
 */
import { recordAudit } from '../../auth/audit.js';
import { assertHoldsRole, invalidatePermissionCache, isPermissionKey } from '../../auth/permissions.js';
import { type Caller, invalidatePrincipals } from '../../auth/viewer.js';
import { prisma } from '../../db/client.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.js';

const ROLE_NAME = /^[a-z][a-z0-9_-]{1,49}$/;

function changed() {
  invalidatePermissionCache();
  invalidatePrincipals();
}

/** Refuses a parent that would make `roleId` its own ancestor. */
async function assertNoCycle(roleId: string | null, parentId: string): Promise<void> {
  const roles = await prisma.role.findMany({ select: { id: true, parentId: true } });
  const parentOf = new Map(roles.map((r) => [r.id, r.parentId]));
  if (!parentOf.has(parentId)) throw new ValidationError({ parentId: 'does not name an existing role' });
  const seen = new Set<string>();
  for (let cur: string | null | undefined = parentId; cur; cur = parentOf.get(cur)) {
    if (cur === roleId || seen.has(cur)) {
      throw new ValidationError({ parentId: 'would make the role inherit from itself (a cycle)' });
    }
    seen.add(cur);
  }
}

export async function createRole(
  caller: Caller,
  input: { name: string; description?: string | null; parentId?: string | null },
) {
  const name = input.name.trim().toLowerCase();
  if (!ROLE_NAME.test(name)) {
    throw new ValidationError({ name: 'must be 2-50 characters: a-z, 0-9, _ or -, starting with a letter' });
  }
  if (input.parentId) {
    await assertNoCycle(null, input.parentId);
    await assertWithin(caller, input.parentId);
  }
  try {
    const role = await prisma.$transaction(async (tx) => {
      const created = await tx.role.create({
        data: { name, description: input.description?.trim() ?? '', parentId: input.parentId ?? null },
      });
      await recordAudit(
        caller.meta,
        { action: 'role.create', actor: caller.viewer, targetType: 'Role', targetId: created.id, details: { name } },
        tx,
      );
      return created;
    });
    changed();
    return role.id;
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw new ConflictError(`A role named ${name} already exists.`);
    throw error;
  }
}

/** A caller may only shape roles within their own permissions (no self-escalation via roles). */
const assertWithin = (caller: Caller, roleId: string) => assertHoldsRole(caller.permissions, roleId);

export async function updateRole(
  caller: Caller,
  id: string,
  input: { description?: string | null; parentId?: string | null; clearParent?: boolean | null },
) {
  const role = await prisma.role.findUnique({ where: { id } });
  if (!role) throw new NotFoundError('Role');
  await assertWithin(caller, id);
  if (input.parentId) {
    await assertNoCycle(id, input.parentId);
    await assertWithin(caller, input.parentId);
  }
  if (role.isSystem && (input.parentId || input.clearParent)) {
    throw new ValidationError({ parentId: 'of a built-in role cannot be changed' });
  }
  await prisma.$transaction(async (tx) => {
    await tx.role.update({
      where: { id },
      data: {
        ...(input.description != null ? { description: input.description.trim() } : {}),
        ...(input.parentId ? { parentId: input.parentId } : input.clearParent ? { parentId: null } : {}),
      },
    });
    await recordAudit(
      caller.meta,
      { action: 'role.update', actor: caller.viewer, targetType: 'Role', targetId: id },
      tx,
    );
  });
  changed();
  return id;
}

export async function deleteRole(caller: Caller, id: string) {
  const role = await prisma.role.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      isSystem: true,
      _count: { select: { users: true, apiTokens: true, children: true } },
    },
  });
  if (!role) throw new NotFoundError('Role');
  if (role.isSystem) throw new ConflictError(`The built-in role ${role.name} cannot be deleted.`);
  await assertWithin(caller, id);
  const { users, apiTokens, children } = role._count;
  if (users + apiTokens + children > 0) {
    throw new ConflictError(
      `The role ${role.name} is still in use (${users} users, ${apiTokens} API tokens, ${children} child roles).`,
      { users, apiTokens, childRoles: children },
    );
  }
  try {
    await prisma.$transaction(async (tx) => {
      await tx.role.delete({ where: { id } });
      await recordAudit(
        caller.meta,
        { action: 'role.delete', actor: caller.viewer, targetType: 'Role', targetId: id, details: { name: role.name } },
        tx,
      );
    });
  } catch (error) {
    // Assigned between the check and the delete: the foreign key refuses it.
    if ((error as { code?: string }).code === 'P2003')
      throw new ConflictError(`The role ${role.name} is still in use.`);
    throw error;
  }
  changed();
  return role;
}

/** Replaces the role's own permissions (inherited ones come from its parent). */
export async function setRolePermissions(caller: Caller, id: string, keys: string[]) {
  const role = await prisma.role.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!role) throw new NotFoundError('Role');
  // Neither adding nor removing what one does not hold.
  await assertWithin(caller, id);
  const unique = [...new Set(keys)];
  const unknown = unique.filter((k) => !isPermissionKey(k));
  if (unknown.length > 0)
    throw new ValidationError({ permissionKeys: `unknown permission keys: ${unknown.join(', ')}` });
  const beyond = unique.filter((k) => !caller.permissions.has(k));
  if (beyond.length > 0)
    throw new ForbiddenError(`You cannot grant permissions you do not have: ${beyond.join(', ')}.`);
  const permissions = await prisma.permission.findMany({ where: { key: { in: unique } }, select: { id: true } });
  await prisma.$transaction(async (tx) => {
    await tx.rolePermission.deleteMany({ where: { roleId: id } });
    await tx.rolePermission.createMany({ data: permissions.map((p) => ({ roleId: id, permissionId: p.id })) });
    await recordAudit(
      caller.meta,
      {
        action: 'role.set_permissions',
        actor: caller.viewer,
        targetType: 'Role',
        targetId: id,
        details: { permissions: unique.sort() },
      },
      tx,
    );
  });
  changed();
  return id;
}
