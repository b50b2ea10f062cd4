import { authorIdOfViewer } from '../../auth/rules.js';
/** Creating and editing projects; the shared workflow is in publishable.service.ts. */
import type { Caller } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import { ValidationError } from '../../errors.js';
import { assertMediaVisible } from '../../media/visibility.js';
import { isUuid } from '../global-id.js';
import { FieldErrors, insertWithSlug, isCurrency, slugOf, slugTaken } from './content-input.js';
import { assertExisting } from './post.service.js';
import { joinTranslationGroup, loadVisible, updateContent } from './publishable.service.js';

export type ProjectPhase = 'PLANNED' | 'ACTIVE' | 'COMPLETED';

export interface ImpactMetricFields {
  indicator: string;
  unit?: string | null;
  target?: number | null;
  achieved?: number | null;
  period?: string | null;
  source?: string | null;
}

export interface ProjectFields {
  title?: string | null;
  slug?: string | null;
  summary?: string | null;
  body?: string | null;
  phase?: ProjectPhase | null;
  startDate?: Date | null;
  endDate?: Date | null;
  location?: string | null;
  countries?: string[] | null;
  sdgs?: number[] | null;
  fundingGoal?: number | null;
  fundsRaised?: number | null;
  currency?: string | null;
  beneficiaries?: number | null;
  coverImageId?: string | null;
  editorialNotes?: string | null;
  impactMetrics?: ImpactMetricFields[] | null;
  partnerIds?: string[] | null;
  categoryIds?: string[] | null;
  tagIds?: string[] | null;
}

/** Decimal(14,2) columns hold less than 10^12; Decimal(18,4) less than 10^14. */
const MAX_AMOUNT = 1e12;
const MAX_METRIC = 1e14;
const MAX_METRICS = 50;

/** The values cross-field rules compare: the input over what is stored (on update). */
interface Stored {
  startDate: Date | null;
  endDate: Date | null;
  currency: string | null;
  fundingGoal: unknown;
  fundsRaised: unknown;
}

/** A date-only column keeps the UTC calendar day. */
function dayOf(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function amount(errors: FieldErrors, field: string, value: number | null | undefined, max: number): void {
  errors.nonNegative(field, value);
  if (value != null && value >= max) errors.add(field, `must be less than ${max}`);
}

function check(input: ProjectFields & { locale?: string | null }, creating: boolean, stored?: Stored): void {
  const errors = new FieldErrors();
  if (creating && !input.title?.trim()) errors.add('title', 'is required');
  errors.text('title', input.title, 1, 300);
  errors.slug('slug', input.slug);
  errors.text('summary', input.summary, 0, 2000);
  errors.text('body', input.body, 0, 200_000);
  errors.text('location', input.location, 0, 300);
  errors.text('editorialNotes', input.editorialNotes, 0, 5000);
  errors.locale('locale', input.locale);
  amount(errors, 'fundingGoal', input.fundingGoal, MAX_AMOUNT);
  amount(errors, 'fundsRaised', input.fundsRaised, MAX_AMOUNT);
  errors.nonNegative('beneficiaries', input.beneficiaries);
  if (input.coverImageId && !isUuid(input.coverImageId)) errors.add('coverImageId', 'must be a media id');

  if (input.countries) {
    if (input.countries.length > 250) errors.add('countries', 'must list at most 250 entries');
    if (input.countries.some((c) => c.trim().length < 2 || c.trim().length > 56)) {
      errors.add('countries', 'each must be 2 to 56 characters (an ISO 3166-1 code or a region name)');
    }
  }
  if (input.sdgs) {
    if (input.sdgs.some((g) => !Number.isInteger(g) || g < 1 || g > 17)) {
      errors.add('sdgs', 'each must be a Sustainable Development Goal number from 1 to 17');
    } else if (new Set(input.sdgs).size !== input.sdgs.length) errors.add('sdgs', 'must not repeat a goal');
  }

  // Cross-field rules see the stored values for what the input leaves out.
  const pick = <K extends keyof Stored>(key: K, value: Stored[K] | undefined): Stored[K] | null =>
    value !== undefined ? value : (stored?.[key] ?? null);
  const start = pick('startDate', input.startDate);
  const end = pick('endDate', input.endDate);
  if (start && end && dayOf(end).getTime() < dayOf(start).getTime()) {
    errors.add('endDate', 'must not be before startDate');
  }
  if (input.currency != null && !isCurrency(input.currency)) {
    errors.add('currency', 'must be an ISO 4217 code of three capital letters, e.g. EUR');
  }
  const currency = pick('currency', input.currency);
  const hasAmount = pick('fundingGoal', input.fundingGoal) != null || pick('fundsRaised', input.fundsRaised) != null;
  if (hasAmount && !currency) errors.add('currency', 'is required with fundingGoal or fundsRaised');

  if (input.impactMetrics) {
    if (input.impactMetrics.length > MAX_METRICS) errors.add('impactMetrics', `must list at most ${MAX_METRICS}`);
    input.impactMetrics.forEach((m, i) => {
      const at = `impactMetrics.${i}`;
      if (!m.indicator?.trim()) errors.add(`${at}.indicator`, 'is required');
      errors.text(`${at}.indicator`, m.indicator, 1, 200);
      errors.text(`${at}.unit`, m.unit, 0, 50);
      errors.text(`${at}.period`, m.period, 0, 100);
      errors.text(`${at}.source`, m.source, 0, 500);
      amount(errors, `${at}.target`, m.target, MAX_METRIC);
      amount(errors, `${at}.achieved`, m.achieved, MAX_METRIC);
    });
  }
  errors.throwIfAny();
}

async function assertPartners(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await prisma.partner.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw new ValidationError({ partnerIds: 'names a missing item' });
}

/** Decimal columns get strings: exact, and compared by value in revisions. */
const decimal = (value: number | null | undefined) => (value == null ? value : String(value));

function metricRows(metrics: ImpactMetricFields[]) {
  return metrics.map((m, position) => ({
    indicator: m.indicator.trim(),
    unit: m.unit?.trim() ?? '',
    target: decimal(m.target) ?? null,
    achieved: decimal(m.achieved) ?? null,
    period: m.period?.trim() ?? '',
    source: m.source?.trim() ?? '',
    position,
  }));
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

export async function createProject(
  caller: Caller,
  input: ProjectFields & { title: string; locale?: string | null; translationOf?: string | null },
): Promise<string> {
  check(input, true);
  await assertMediaVisible(caller, input.coverImageId, 'coverImageId');
  const locale = input.locale ?? config.content.defaultLocale;
  const categoryIds = dedupe(input.categoryIds ?? []);
  const tagIds = dedupe(input.tagIds ?? []);
  const partnerIds = dedupe(input.partnerIds ?? []);
  await assertExisting('category', categoryIds, 'categoryIds');
  await assertExisting('tag', tagIds, 'tagIds');
  await assertPartners(partnerIds);
  const translationGroupId = await joinTranslationGroup(caller, 'Project', input.translationOf, locale);
  const base = slugOf(input.title);
  const takenSlugs = async () =>
    (await prisma.project.findMany({ where: { locale, slug: { startsWith: base } }, select: { slug: true } })).map(
      (row) => row.slug,
    );
  return insertWithSlug(
    input.slug,
    base,
    takenSlugs,
    async (slug) => {
      const project = await prisma.project.create({
        data: {
          title: input.title.trim(),
          slug,
          locale,
          summary: input.summary ?? '',
          body: input.body ?? '',
          phase: input.phase ?? 'PLANNED',
          startDate: input.startDate ? dayOf(input.startDate) : null,
          endDate: input.endDate ? dayOf(input.endDate) : null,
          location: input.location?.trim() ?? '',
          countries: (input.countries ?? []).map((c) => c.trim()),
          sdgs: input.sdgs ?? [],
          fundingGoal: decimal(input.fundingGoal) ?? null,
          fundsRaised: decimal(input.fundsRaised) ?? null,
          currency: input.currency ?? null,
          beneficiaries: input.beneficiaries ?? null,
          coverImageId: input.coverImageId ?? null,
          editorialNotes: input.editorialNotes ?? '',
          authorId: authorIdOfViewer(caller.viewer),
          ...(translationGroupId ? { translationGroupId } : {}),
          categories: { connect: categoryIds.map((id) => ({ id })) },
          tags: { connect: tagIds.map((id) => ({ id })) },
          partners: { connect: partnerIds.map((id) => ({ id })) },
          impactMetrics: { create: metricRows(input.impactMetrics ?? []) },
        },
        select: { id: true },
      });
      return project.id;
    },
    (slug) => slugTaken(slug, locale),
  );
}

/** Fields that may be cleared with null. */
const NULLABLE = new Set([
  'startDate',
  'endDate',
  'fundingGoal',
  'fundsRaised',
  'currency',
  'beneficiaries',
  'coverImageId',
]);

const SCALARS = [
  'title',
  'slug',
  'summary',
  'body',
  'phase',
  'startDate',
  'endDate',
  'location',
  'countries',
  'sdgs',
  'fundingGoal',
  'fundsRaised',
  'currency',
  'beneficiaries',
  'coverImageId',
  'editorialNotes',
] as const;

export async function updateProject(
  caller: Caller,
  id: string,
  input: ProjectFields,
  expectedVersion: number,
): Promise<string> {
  // Cross-field rules (dates, currency) need what is stored; hidden rows are NOT_FOUND here.
  const stored = await loadVisible(caller, 'Project', id);
  check(input, false, stored as unknown as Stored);
  await assertMediaVisible(caller, input.coverImageId, 'coverImageId');
  const changes: Record<string, unknown> = {};
  for (const key of SCALARS) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null && !NULLABLE.has(key)) throw new ValidationError({ [key]: 'cannot be null' });
    if (value instanceof Date) changes[key] = dayOf(value);
    else if (key === 'fundingGoal' || key === 'fundsRaised') changes[key] = decimal(value as number | null);
    else if (key === 'countries') changes[key] = (value as string[]).map((c) => c.trim());
    else changes[key] = typeof value === 'string' && (key === 'title' || key === 'location') ? value.trim() : value;
  }
  const relations: Record<string, unknown> = {};
  if (input.categoryIds) {
    const ids = dedupe(input.categoryIds);
    await assertExisting('category', ids, 'categoryIds');
    relations.categories = { set: ids.map((c) => ({ id: c })) };
  }
  if (input.tagIds) {
    const ids = dedupe(input.tagIds);
    await assertExisting('tag', ids, 'tagIds');
    relations.tags = { set: ids.map((c) => ({ id: c })) };
  }
  if (input.partnerIds) {
    const ids = dedupe(input.partnerIds);
    await assertPartners(ids);
    relations.partners = { set: ids.map((c) => ({ id: c })) };
  }
  if (input.impactMetrics) {
    // The list replaces the stored one, in the same transaction as the update.
    relations.impactMetrics = { deleteMany: {}, create: metricRows(input.impactMetrics) };
  }
  return updateContent(caller, 'Project', id, expectedVersion, changes, relations);
}
