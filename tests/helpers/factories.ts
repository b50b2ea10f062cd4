/** Test data: each test makes its own users (unique emails) through the same code as the app. */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/auth/password.js';
import { prisma } from '../../src/db/client.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { gql } from './client.js';

export const PASSWORD = 'correct horse battery staple 42';

export type BuiltInRole = 'admin' | 'editor' | 'author' | 'public';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}@example.org`;
}

export async function roleId(name: string): Promise<string> {
  return (await prisma.role.findUniqueOrThrow({ where: { name } })).id;
}

export async function createUser(
  role: BuiltInRole | string = 'author',
  options: { email?: string; password?: string; isActive?: boolean } = {},
) {
  const email = options.email ?? uniqueEmail(role);
  const password = options.password ?? PASSWORD;
  const user = await prisma.user.create({
    data: {
      email,
      name: `Test ${role}`,
      passwordHash: await hashPassword(password),
      roleId: await roleId(role),
      isActive: options.isActive ?? true,
    },
  });
  return { ...user, password, globalId: toGlobalId('User', user.id) };
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
  email: string;
}

const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) { accessToken refreshToken user { id } }
  }
`;

export async function login(email: string, password = PASSWORD, ip?: string): Promise<Session> {
  const res = await gql<{ login: { accessToken: string; refreshToken: string; user: { id: string } } }>(
    LOGIN,
    { email, password },
    { ip },
  );
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return { ...res.data.login, userId: res.data.login.user.id, email };
}

/** A new user of `role`, signed in. */
export async function signedIn(role: BuiltInRole | string = 'author') {
  const user = await createUser(role);
  const session = await login(user.email, user.password);
  return { ...session, user, token: session.accessToken };
}
