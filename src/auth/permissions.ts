/**
 * Permissions are rows in the database (Permission, RolePermission) and roles inherit from their
 * parent. This module holds the catalogue of keys the code checks, the built-in role set of a
 * fresh install, and the in-memory cache of each role's effective (inherited) permissions.
 */
import { prisma } from '../db/client.js';
import { ForbiddenError } from '../errors.js';

/** Every key the code checks, with its meaning. Seeded into Permission on start-up. */
export const PERMISSIONS = {
  'content:read': 'Read published content',
  'content:read_drafts':
    'Read everyone’s drafts, scheduled, archived and trashed content, revisions and editorial notes',
  'content:create': 'Create content (as its author)',
  'content:update_own': 'Edit and submit for review one’s own drafts',
  'content:update': 'Edit any content',
  'content:publish': 'Publish, schedule and unpublish content',
  'content:archive': 'Archive content',
  'content:delete': 'Move content to the trash and restore it',
  'taxonomy:manage': 'Create, edit and delete categories and tags',
  'people:manage': 'Create, edit and delete people and partners',
  'partner:read_contact': 'Read partners’ contact details',
  'media:read': 'Read public media',
  'media:read_all': 'Read every media item, including unused and consent-expired ones',
  'media:upload': 'Upload media',
  'media:manage': 'Edit and delete any media',
  'user:read': 'Read users’ email addresses and login data',
  'user:manage': 'Create, edit, deactivate users and assign roles',
  'role:manage': 'Create, edit and delete roles and their permissions',
  'apitoken:manage': 'Create, list and revoke API tokens',
  'webhook:manage': 'Manage webhooks and their deliveries',
  'audit:read': 'Read the audit log',
} as const;

export type PermissionKey = keyof typeof PERMISSIONS;
export const PERMISSION_KEYS = Object.keys(PERMISSIONS) as PermissionKey[];

export function isPermissionKey(key: string): key is PermissionKey {
  return Object.hasOwn(PERMISSIONS, key);
}

/** The roles of a fresh install, lowest first; each inherits everything of its parent. */
export const BUILT_IN_ROLES: ReadonlyArray<{
  name: string;
  parent: string | null;
  description: string;
  permissions: PermissionKey[];
}> = [
  {
    name: 'public',
    parent: null,
    description: 'The anonymous visitor: published content only',
    permissions: ['content:read', 'media:read'],
  },
  {
    name: 'author',
    parent: 'public',
    description: 'Writes content and submits own drafts for review',
    permissions: ['content:create', 'content:update_own', 'media:upload'],
  },
  {
    name: 'editor',
    parent: 'author',
    description: 'Edits, publishes, schedules and archives any content; manages taxonomy and media',
    permissions: [
      'content:read_drafts',
      'content:update',
      'content:publish',
      'content:archive',
      'content:delete',
      'taxonomy:manage',
      'people:manage',
      'partner:read_contact',
      'media:read_all',
      'media:manage',
    ],
  },
  {
    name: 'admin',
    parent: 'editor',
    description: 'Everything, including users, roles, API tokens, webhooks and the audit log',
    permissions: ['user:read', 'user:manage', 'role:manage', 'apitoken:manage', 'webhook:manage', 'audit:read'],
  },
];

export const PUBLIC_ROLE = 'public';

interface RoleEntry {
  id: string;
  name: string;
  permissions: ReadonlySet<string>;
}

let cache: Promise<{ byId: Map<string, RoleEntry>; byName: Map<string, RoleEntry> }> | undefined;
let loadedAt = 0;
/** Other processes' changes are seen within this time (this process's changes at once). */
const CACHE_TTL_MS = 30_000;

/** Loads every role with its own permissions (two small tables, one query) and resolves inheritance. */
async function load() {
  const roles = await prisma.role.findMany({
    select: {
      id: true,
      name: true,
      parentId: true,
      permissions: { select: { permission: { select: { key: true } } } },
    },
  });
  const raw = new Map(roles.map((r) => [r.id, r]));
  const byId = new Map<string, RoleEntry>();
  const byName = new Map<string, RoleEntry>();
  for (const role of roles) {
    const keys = new Set<string>();
    const seen = new Set<string>();
    for (
      let cur: (typeof roles)[number] | undefined = role;
      cur && !seen.has(cur.id);
      cur = cur.parentId ? raw.get(cur.parentId) : undefined
    ) {
      seen.add(cur.id);
      for (const p of cur.permissions) keys.add(p.permission.key);
    }
    const entry = { id: role.id, name: role.name, permissions: keys };
    byId.set(role.id, entry);
    byName.set(role.name, entry);
  }
  return { byId, byName };
}

function roles() {
  if (cache && Date.now() - loadedAt > CACHE_TTL_MS) cache = undefined;
  if (!cache) {
    loadedAt = Date.now();
    const loading = load().catch((error) => {
      if (cache === loading) cache = undefined;
      throw error;
    });
    cache = loading;
  }
  return cache;
}

/** Effective permissions of a role (own + inherited). No database query while cached. */
export async function permissionsOfRole(roleId: string): Promise<ReadonlySet<string>> {
  return (await roles()).byId.get(roleId)?.permissions ?? new Set();
}

/** The anonymous visitor's permissions: those of the `public` role. */
export async function publicPermissions(): Promise<ReadonlySet<string>> {
  return (await roles()).byName.get(PUBLIC_ROLE)?.permissions ?? new Set();
}

/** Call after any change to roles, permissions or their links: the next request reloads. */
export function invalidatePermissionCache(): void {
  cache = undefined;
}

/**
 * Nobody may act on (or hand out) a role holding permissions they lack: refuses with FORBIDDEN
 * naming them. Used for grants, and for changes to a more privileged user, role or token.
 */
export async function assertHoldsRole(callerPermissions: ReadonlySet<string>, roleId: string): Promise<void> {
  const beyond = [...(await permissionsOfRole(roleId))].filter((key) => !callerPermissions.has(key));
  if (beyond.length > 0) {
    throw new ForbiddenError(`That role holds permissions you do not have: ${beyond.sort().join(', ')}.`);
  }
}
