/**
 * Start-up data: the permission catalogue and built-in roles (idempotent, every start), the first
 * admin on an empty database, and demo accounts for a newcomer exploring in GraphiQL.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword, passwordPolicyViolation } from '../auth/password.js';
import { BUILT_IN_ROLES, invalidatePermissionCache, PERMISSIONS } from '../auth/permissions.js';
import { prisma } from './client.js';

/** Ensures every permission key and built-in role exists. A built-in role's permissions are set
 * only when it is created: what admins changed at run time is kept across restarts. */
export async function ensureAccessModel(): Promise<void> {
  await prisma.permission.createMany({
    data: Object.entries(PERMISSIONS).map(([key, description]) => ({ key, description })),
    skipDuplicates: true,
  });
  const permissions = new Map(
    (await prisma.permission.findMany({ select: { id: true, key: true } })).map((p) => [p.key, p.id]),
  );
  for (const def of BUILT_IN_ROLES) {
    const existing = await prisma.role.findUnique({ where: { name: def.name }, select: { id: true } });
    if (existing) continue;
    const parent = def.parent ? await prisma.role.findUniqueOrThrow({ where: { name: def.parent } }) : null;
    await prisma.role.create({
      data: {
        name: def.name,
        description: def.description,
        isSystem: true,
        parentId: parent?.id ?? null,
        permissions: {
          create: def.permissions.map((key) => ({ permissionId: permissions.get(key) as string })),
        },
      },
    });
  }
  invalidatePermissionCache();
}

export interface SeededAdmin {
  email: string;
  /** Present only when generated here: printed once, never stored in clear. */
  generatedPassword?: string;
}

function generatedPassword(): string {
  return randomBytes(15).toString('base64url');
}

/** Creates the first admin when there is no user at all. */
export async function ensureFirstAdmin(email?: string, password?: string): Promise<SeededAdmin | null> {
  if ((await prisma.user.count()) > 0) return null;
  const adminEmail = (email ?? 'admin@example.org').trim().toLowerCase();
  const chosen = password ?? generatedPassword();
  const problem = passwordPolicyViolation(chosen, adminEmail);
  if (problem) throw new Error(`ADMIN_PASSWORD ${problem}`);
  const role = await prisma.role.findUniqueOrThrow({ where: { name: 'admin' } });
  await prisma.user.create({
    data: { email: adminEmail, name: 'Administrator', passwordHash: await hashPassword(chosen), roleId: role.id },
  });
  return { email: adminEmail, generatedPassword: password ? undefined : chosen };
}

/** Demo editor and author accounts (same generated password, printed once with the admin's). */
export async function seedDemoAccounts(): Promise<{ emails: string[]; password: string }> {
  const password = generatedPassword();
  const passwordHash = await hashPassword(password);
  const emails: string[] = [];
  for (const [email, name, roleName] of [
    ['editor@example.org', 'Esther Editor', 'editor'],
    ['author@example.org', 'Amir Author', 'author'],
  ] as const) {
    const role = await prisma.role.findUniqueOrThrow({ where: { name: roleName } });
    await prisma.user.upsert({
      where: { email },
      update: {},
      create: { email, name, passwordHash, roleId: role.id },
    });
    emails.push(email);
  }
  return { emails, password };
}
