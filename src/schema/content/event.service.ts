/** Creating and editing events; the shared workflow is in publishable.service.ts. */
import { authorIdOfViewer, canSeeContent } from '../../auth/rules.js';
import type { Caller } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import { ValidationError } from '../../errors.js';
import { FieldErrors, insertWithSlug, slugOf, slugTaken } from './content-input.js';
import { joinTranslationGroup, loadVisible, updateContent } from './publishable.service.js';

export interface EventFields {
  title?: string | null;
  slug?: string | null;
  summary?: string | null;
  body?: string | null;
  startsAt?: Date | null;
  endsAt?: Date | null;
  timezone?: string | null;
  venue?: string | null;
  onlineUrl?: string | null;
  registrationUrl?: string | null;
  capacity?: number | null;
  /** null unlinks the project. */
  projectId?: string | null;
  editorialNotes?: string | null;
}

/** True for an IANA time zone this runtime knows (e.g. Europe/Berlin, UTC). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function check(
  input: EventFields & { locale?: string | null },
  creating: boolean,
  stored?: { startsAt: Date; endsAt: Date | null },
): void {
  const errors = new FieldErrors();
  if (creating && !input.title?.trim()) errors.add('title', 'is required');
  if (creating && !input.startsAt) errors.add('startsAt', 'is required');
  errors.text('title', input.title, 1, 300);
  errors.slug('slug', input.slug);
  errors.text('summary', input.summary, 0, 2000);
  errors.text('body', input.body, 0, 200_000);
  errors.text('venue', input.venue, 0, 500);
  errors.text('editorialNotes', input.editorialNotes, 0, 5000);
  errors.locale('locale', input.locale);
  if (input.timezone != null && !isTimeZone(input.timezone)) {
    errors.add('timezone', 'must be an IANA time zone, e.g. Europe/Berlin');
  }
  for (const field of ['onlineUrl', 'registrationUrl'] as const) {
    errors.url(field, input[field]);
    errors.text(field, input[field], 0, 2000);
  }
  if (input.capacity != null && (!Number.isInteger(input.capacity) || input.capacity < 0)) {
    errors.add('capacity', 'must be a non-negative whole number');
  }
  // Compared with the stored value for what the input leaves out.
  const start = input.startsAt !== undefined ? input.startsAt : (stored?.startsAt ?? null);
  const end = input.endsAt !== undefined ? input.endsAt : (stored?.endsAt ?? null);
  if (start && end && end.getTime() <= start.getTime()) errors.add('endsAt', 'must be after startsAt');
  errors.throwIfAny();
}

/** A project the caller may see; anything else names a missing project (no leak). */
async function assertProject(caller: Caller, projectId: string): Promise<void> {
  const project = await prisma.project.findUnique({
    where: { id: projectId },
    select: { status: true, deletedAt: true, authorId: true },
  });
  if (!project || !canSeeContent(caller, project)) throw new ValidationError({ projectId: 'names a missing project' });
}

/** Empty strings clear the optional URLs. */
const urlOrNull = (value: string | null | undefined) => (value ? value.trim() : null);

export async function createEvent(
  caller: Caller,
  input: EventFields & { title: string; startsAt: Date; locale?: string | null; translationOf?: string | null },
): Promise<string> {
  check(input, true);
  const locale = input.locale ?? config.content.defaultLocale;
  if (input.projectId) await assertProject(caller, input.projectId);
  const translationGroupId = await joinTranslationGroup(caller, 'Event', input.translationOf, locale);
  const base = slugOf(input.title);
  const takenSlugs = async () =>
    (await prisma.event.findMany({ where: { locale, slug: { startsWith: base } }, select: { slug: true } })).map(
      (row) => row.slug,
    );
  return insertWithSlug(
    input.slug,
    base,
    takenSlugs,
    async (slug) => {
      const event = await prisma.event.create({
        data: {
          title: input.title.trim(),
          slug,
          locale,
          summary: input.summary ?? '',
          body: input.body ?? '',
          startsAt: input.startsAt,
          endsAt: input.endsAt ?? null,
          timezone: input.timezone ?? 'UTC',
          venue: input.venue?.trim() ?? '',
          onlineUrl: urlOrNull(input.onlineUrl),
          registrationUrl: urlOrNull(input.registrationUrl),
          capacity: input.capacity ?? null,
          projectId: input.projectId ?? null,
          editorialNotes: input.editorialNotes ?? '',
          authorId: authorIdOfViewer(caller.viewer),
          ...(translationGroupId ? { translationGroupId } : {}),
        },
        select: { id: true },
      });
      return event.id;
    },
    (slug) => slugTaken(slug, locale),
  );
}

/** Fields that may be cleared with null. */
const NULLABLE = new Set(['endsAt', 'onlineUrl', 'registrationUrl', 'capacity', 'projectId']);

export async function updateEvent(
  caller: Caller,
  id: string,
  input: EventFields,
  expectedVersion: number,
): Promise<string> {
  // endsAt is checked against the stored startsAt (and the reverse); hidden rows are NOT_FOUND.
  const stored = await loadVisible(caller, 'Event', id);
  check(input, false, stored as unknown as { startsAt: Date; endsAt: Date | null });
  const changes: Record<string, unknown> = {};
  for (const key of [
    'title',
    'slug',
    'summary',
    'body',
    'startsAt',
    'endsAt',
    'timezone',
    'venue',
    'onlineUrl',
    'registrationUrl',
    'capacity',
    'projectId',
    'editorialNotes',
  ] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null && !NULLABLE.has(key)) throw new ValidationError({ [key]: 'cannot be null' });
    if (key === 'onlineUrl' || key === 'registrationUrl') changes[key] = urlOrNull(value as string | null);
    else changes[key] = typeof value === 'string' && (key === 'title' || key === 'venue') ? value.trim() : value;
  }
  if (input.projectId) await assertProject(caller, input.projectId);
  return updateContent(caller, 'Event', id, expectedVersion, changes);
}
