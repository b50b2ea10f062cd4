/** Projects: create/update with versions, validation, impact metrics, visibility, statement counts. */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { toGlobalId } from '../../src/schema/global-id.js';
import { codes, countSql, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

/** The first use of a credential records its last-used time off the request path: let it land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const unique = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

const PROJECT_FIELDS = `id slug title status version summary body bodyHtml phase startDate endDate location countries
  sdgs fundingGoal fundsRaised currency beneficiaries coverImageId
  categories { slug } tags { slug } partners { slug }
  impactMetrics { indicator unit target achieved period source position }`;

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProjectInput!, $v: Int!) {
  updateProject(id: $id, input: $input, expectedVersion: $v) { ${PROJECT_FIELDS} }
}`;
const PUBLISH = 'mutation($id: ID!) { publish(id: $id) { id status } }';

let editor: string;
let author: string;

beforeAll(async () => {
  editor = (await signedIn('editor')).token;
  author = (await signedIn('author')).token;
});

async function createProject(input: Record<string, unknown>, token = editor) {
  const res = await gql<any>(CREATE, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createProject;
}

async function publish(id: string) {
  const res = await gql<any>(PUBLISH, { id }, { token: editor });
  expect(res.errors).toBeUndefined();
}

async function taxonomy(prefix: string) {
  const category = await prisma.category.create({ data: { name: `Water ${prefix}`, slug: unique(`water-${prefix}`) } });
  const tag = await prisma.tag.create({ data: { name: `Rural ${prefix}`, slug: unique(`rural-${prefix}`) } });
  const partner = await prisma.partner.create({
    data: { name: `Partner ${prefix}`, slug: unique(`partner-${prefix}`) },
  });
  return {
    category,
    tag,
    partner,
    ids: {
      categoryIds: [toGlobalId('Category', category.id)],
      tagIds: [toGlobalId('Tag', tag.id)],
      partnerIds: [toGlobalId('Partner', partner.id)],
    },
  };
}

/** The `extensions.fields` of a refused createProject. */
async function refusedFields(input: Record<string, unknown>) {
  const res = await gql(CREATE, { input: { title: 'Refused', ...input } }, { token: editor });
  expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  return res.errors?.[0]?.extensions?.fields ?? {};
}

describe('createProject and updateProject', () => {
  it('creates a project with every field', async () => {
    const t = await taxonomy('a');
    const project = await createProject({
      title: 'Clean Water for Kisumu',
      summary: 'Wells and filters',
      body: '**Bold** plan',
      phase: 'ACTIVE',
      startDate: '2026-01-15T10:00:00Z',
      endDate: '2027-06-30T00:00:00Z',
      location: 'Kisumu',
      countries: ['KE', 'East Africa'],
      sdgs: [6, 3],
      fundingGoal: 250000.5,
      fundsRaised: 1200,
      currency: 'EUR',
      beneficiaries: 4000,
      impactMetrics: [
        { indicator: 'People with clean water', unit: 'people', target: 4000, achieved: 1250.5, period: '2026' },
        { indicator: 'Wells built', target: 12, source: 'Field report' },
      ],
      ...t.ids,
    });
    expect(project).toMatchObject({
      slug: 'clean-water-for-kisumu',
      status: 'DRAFT',
      version: 1,
      phase: 'ACTIVE',
      startDate: '2026-01-15T00:00:00.000Z',
      endDate: '2027-06-30T00:00:00.000Z',
      countries: ['KE', 'East Africa'],
      sdgs: [6, 3],
      fundingGoal: 250000.5,
      fundsRaised: 1200,
      currency: 'EUR',
      beneficiaries: 4000,
      categories: [{ slug: t.category.slug }],
      tags: [{ slug: t.tag.slug }],
      partners: [{ slug: t.partner.slug }],
    });
    expect(project.bodyHtml).toContain('<strong>Bold</strong>');
    expect(project.impactMetrics).toEqual([
      {
        indicator: 'People with clean water',
        unit: 'people',
        target: 4000,
        achieved: 1250.5,
        period: '2026',
        source: '',
        position: 0,
      },
      {
        indicator: 'Wells built',
        unit: '',
        target: 12,
        achieved: null,
        period: '',
        source: 'Field report',
        position: 1,
      },
    ]);
    // The same title again gets a free slug.
    const again = await createProject({ title: 'Clean Water for Kisumu' });
    expect(again.slug).toBe('clean-water-for-kisumu-2');
    expect(again.phase).toBe('PLANNED');
  });

  it('refuses invalid input with the field named', async () => {
    expect(await refusedFields({ startDate: '2026-05-01T00:00:00Z', endDate: '2026-04-30T00:00:00Z' })).toHaveProperty(
      'endDate',
    );
    expect(await refusedFields({ currency: 'eur' })).toHaveProperty('currency');
    expect(await refusedFields({ currency: 'EURO' })).toHaveProperty('currency');
    expect(await refusedFields({ fundingGoal: 1000 })).toHaveProperty('currency');
    expect(await refusedFields({ fundsRaised: 10 })).toHaveProperty('currency');
    expect(await refusedFields({ fundingGoal: -1, currency: 'USD' })).toHaveProperty('fundingGoal');
    expect(await refusedFields({ fundsRaised: -0.5, currency: 'USD' })).toHaveProperty('fundsRaised');
    expect(await refusedFields({ fundingGoal: 1e13, currency: 'USD' })).toHaveProperty('fundingGoal');
    expect(await refusedFields({ beneficiaries: -3 })).toHaveProperty('beneficiaries');
    expect(await refusedFields({ sdgs: [0] })).toHaveProperty('sdgs');
    expect(await refusedFields({ sdgs: [18] })).toHaveProperty('sdgs');
    expect(await refusedFields({ sdgs: [4, 4] })).toHaveProperty('sdgs');
    expect(await refusedFields({ countries: ['K'] })).toHaveProperty('countries');
    expect(await refusedFields({ countries: ['x'.repeat(57)] })).toHaveProperty('countries');
    expect(await refusedFields({ impactMetrics: [{ indicator: ' ' }] })).toHaveProperty('impactMetrics.0.indicator');
    expect(await refusedFields({ impactMetrics: [{ indicator: 'x'.repeat(201) }] })).toHaveProperty(
      'impactMetrics.0.indicator',
    );
    expect(
      await refusedFields({ impactMetrics: [{ indicator: 'ok' }, { indicator: 'Wells', target: -1, achieved: -2 }] }),
    ).toEqual({ 'impactMetrics.1.target': expect.any(String), 'impactMetrics.1.achieved': expect.any(String) });
    expect(await refusedFields({ locale: 'xx' })).toEqual({ locale: expect.any(String) });
    expect(await refusedFields({ slug: 'Bad Slug' })).toHaveProperty('slug');
    // Several problems at once are reported together.
    expect(Object.keys(await refusedFields({ sdgs: [99], currency: 'x', beneficiaries: -1 })).sort()).toEqual([
      'beneficiaries',
      'currency',
      'sdgs',
    ]);
    // An unknown enum value is a GraphQL validation error, not a server error.
    const badPhase = await gql(CREATE, { input: { title: 'X', phase: 'DONE' } }, { token: editor });
    expect(badPhase.status).toBeLessThan(500);
    expect(badPhase.errors?.length).toBeGreaterThan(0);
    // Same day start and end is fine (a one-day campaign).
    const oneDay = await createProject({
      title: 'One day',
      startDate: '2026-05-01T08:00:00Z',
      endDate: '2026-05-01T18:00:00Z',
    });
    expect(oneDay.endDate).toBe('2026-05-01T00:00:00.000Z');
  });

  it('refuses a duplicate slug with CONFLICT, on create and on update', async () => {
    const slug = unique('dup');
    await createProject({ title: 'First', slug });
    const dup = await gql(CREATE, { input: { title: 'Second', slug } }, { token: editor });
    expect(codes(dup)).toEqual(['CONFLICT']);
    expect(dup.errors?.[0]?.extensions?.fields).toEqual({ slug: 'is taken' });
    const other = await createProject({ title: 'Other' });
    const onUpdate = await gql(UPDATE, { id: other.id, input: { slug }, v: other.version }, { token: editor });
    expect(codes(onUpdate)).toEqual(['CONFLICT']);
    expect(onUpdate.errors?.[0]?.extensions?.fields).toEqual({ slug: 'is taken' });
    // The same slug in another locale is fine.
    const fr = await createProject({ title: 'Premier', slug, locale: 'fr' });
    expect(fr.slug).toBe(slug);
  });

  it('updates with expectedVersion, replaces impact metrics and relations, checks against stored values', async () => {
    const t1 = await taxonomy('b');
    const t2 = await taxonomy('c');
    const project = await createProject({
      title: 'Solar schools',
      startDate: '2026-03-01T00:00:00Z',
      fundingGoal: 5000,
      currency: 'USD',
      impactMetrics: [{ indicator: 'Schools' }, { indicator: 'Pupils' }, { indicator: 'Panels' }],
      ...t1.ids,
    });
    const updated = await gql<any>(
      UPDATE,
      {
        id: project.id,
        input: {
          title: 'Solar schools 2',
          phase: 'COMPLETED',
          endDate: '2026-12-31T00:00:00Z',
          fundsRaised: 5100.25,
          impactMetrics: [{ indicator: 'Schools powered', target: 10, achieved: 11 }],
          ...t2.ids,
        },
        v: 1,
      },
      { token: editor },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateProject).toMatchObject({
      version: 2,
      title: 'Solar schools 2',
      phase: 'COMPLETED',
      startDate: '2026-03-01T00:00:00.000Z',
      endDate: '2026-12-31T00:00:00.000Z',
      fundingGoal: 5000,
      fundsRaised: 5100.25,
      categories: [{ slug: t2.category.slug }],
      tags: [{ slug: t2.tag.slug }],
      partners: [{ slug: t2.partner.slug }],
      impactMetrics: [{ indicator: 'Schools powered', target: 10, achieved: 11, position: 0 }],
    });
    const rawId = (await prisma.project.findFirstOrThrow({ where: { slug: project.slug } })).id;
    expect(await prisma.impactMetric.count({ where: { projectId: rawId } })).toBe(1);

    const stale = await gql(UPDATE, { id: project.id, input: { title: 'Late' }, v: 1 }, { token: editor });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);

    // Cross-field rules see the stored values.
    const beforeStart = await gql(
      UPDATE,
      { id: project.id, input: { endDate: '2026-02-01T00:00:00Z' }, v: 2 },
      {
        token: editor,
      },
    );
    expect(codes(beforeStart)).toEqual(['BAD_USER_INPUT']);
    expect(beforeStart.errors?.[0]?.extensions?.fields).toHaveProperty('endDate');
    const noCurrency = await gql(UPDATE, { id: project.id, input: { currency: null }, v: 2 }, { token: editor });
    expect(codes(noCurrency)).toEqual(['BAD_USER_INPUT']);
    expect(noCurrency.errors?.[0]?.extensions?.fields).toHaveProperty('currency');
    const nullTitle = await gql(UPDATE, { id: project.id, input: { title: null }, v: 2 }, { token: editor });
    expect(nullTitle.errors?.[0]?.extensions?.fields).toHaveProperty('title');
    // A failed update changed nothing (the metrics too).
    expect(await prisma.impactMetric.count({ where: { projectId: rawId } })).toBe(1);

    const cleared = await gql<any>(
      UPDATE,
      { id: project.id, input: { fundingGoal: null, fundsRaised: null, currency: null, impactMetrics: [] }, v: 2 },
      { token: editor },
    );
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data.updateProject).toMatchObject({
      fundingGoal: null,
      currency: null,
      impactMetrics: [],
      version: 3,
    });

    const history = await gql<any>(
      'query($id: ID!) { project(id: $id, preview: true) { revisions(first: 10) { totalCount } } }',
      { id: project.id },
      { token: editor },
    );
    expect(history.data.project.revisions.totalCount).toBe(2);
  });

  it('lets an author edit their own draft only', async () => {
    const mine = await createProject({ title: 'Author project' }, author);
    const ok = await gql<any>(UPDATE, { id: mine.id, input: { summary: 'Mine' }, v: 1 }, { token: author });
    expect(ok.errors).toBeUndefined();
    const theirs = await createProject({ title: 'Editor project' });
    const hidden = await gql(UPDATE, { id: theirs.id, input: { summary: 'Not mine' }, v: 1 }, { token: author });
    expect(codes(hidden)).toEqual(['NOT_FOUND']);
    const anonymous = await gql(UPDATE, { id: theirs.id, input: { summary: 'x' }, v: 1 });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('visibility and lists', () => {
  it('hides drafts from the public until published, and hides draft events of a project', async () => {
    const slug = unique('hidden-project');
    const project = await createProject({ title: 'Hidden', slug, sdgs: [13], countries: ['BD'], phase: 'ACTIVE' });
    const list = `query($slug: String!) { projects(first: 10, search: $slug) { totalCount edges { node { id } } } }`;
    const bySlug = 'query($slug: String!) { project(slug: $slug) { id title } }';
    expect((await gql<any>(bySlug, { slug })).data.project).toBeNull();
    expect((await gql<any>('query($id: ID!) { node(id: $id) { id } }', { id: project.id })).data.node).toBeNull();
    expect((await gql<any>('query($id: ID!) { project(id: $id) { id } }', { id: project.id })).data.project).toBeNull();
    const filtered = `{ projects(first: 100, where: { sdg: 13, country: "BD", phase: ACTIVE }) { edges { node { id } } } }`;
    expect((await gql<any>(filtered)).data.projects.edges.map((e: any) => e.node.id)).not.toContain(project.id);
    // Staff see it with preview.
    const preview = await gql<any>(
      'query($slug: String!) { project(slug: $slug, preview: true) { id } }',
      { slug },
      {
        token: editor,
      },
    );
    expect(preview.data.project.id).toBe(project.id);

    await publish(project.id);
    expect((await gql<any>(bySlug, { slug })).data.project.id).toBe(project.id);
    expect((await gql<any>('query($id: ID!) { node(id: $id) { id } }', { id: project.id })).data.node.id).toBe(
      project.id,
    );
    expect((await gql<any>(filtered)).data.projects.edges.map((e: any) => e.node.id)).toContain(project.id);
    const otherSdg = `{ projects(first: 100, where: { sdg: 14 }) { edges { node { id } } } }`;
    expect((await gql<any>(otherSdg)).data.projects.edges.map((e: any) => e.node.id)).not.toContain(project.id);
    expect((await gql<any>(list, { slug: 'Hidden' })).data.projects.totalCount).toBeGreaterThanOrEqual(1);

    // Its events: only the published one is listed to the public.
    const createEvent = 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }';
    const ids: string[] = [];
    for (const title of ['Launch', 'Planning']) {
      const res = await gql<any>(
        createEvent,
        { input: { title, startsAt: '2030-01-01T10:00:00Z', projectId: project.id } },
        { token: editor },
      );
      expect(res.errors).toBeUndefined();
      ids.push(res.data.createEvent.id);
    }
    await publish(ids[0]!);
    const events = await gql<any>(
      'query($slug: String!) { project(slug: $slug) { events(first: 10) { totalCount edges { node { id title } } } } }',
      { slug },
    );
    expect(events.data.project.events.totalCount).toBe(1);
    expect(events.data.project.events.edges.map((e: any) => e.node.title)).toEqual(['Launch']);
  });

  it('filters by category and tag slug, and orders', async () => {
    const t = await taxonomy('d');
    const a = await createProject({ title: 'Filter A', startDate: '2026-01-01T00:00:00Z', ...t.ids });
    const b = await createProject({ title: 'Filter B', startDate: '2025-01-01T00:00:00Z', ...t.ids });
    await createProject({ title: 'Filter C' });
    await publish(a.id);
    await publish(b.id);
    const byCategory = await gql<any>(
      'query($c: String!) { projects(first: 10, where: { categorySlug: $c }, orderBy: [{ startDate: ASC }]) { totalCount edges { node { title } } } }',
      { c: t.category.slug },
    );
    expect(byCategory.errors).toBeUndefined();
    expect(byCategory.data.projects.edges.map((e: any) => e.node.title)).toEqual(['Filter B', 'Filter A']);
    const byTag = await gql<any>('query($t: String!) { projects(first: 10, where: { tagSlug: $t }) { totalCount } }', {
      t: t.tag.slug,
    });
    expect(byTag.data.projects.totalCount).toBe(2);
    const twoFields = await gql(
      '{ projects(first: 1, orderBy: [{ title: ASC, startDate: ASC }]) { edges { cursor } } }',
    );
    expect(codes(twoFields)).toEqual(['BAD_USER_INPUT']);
    const badLocale = await gql('{ projects(first: 1, locale: "xx") { totalCount } }');
    expect(codes(badLocale)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads nested categories, tags, partners, metrics, author and events in a constant number of statements', async () => {
    const { token } = await signedIn('editor');
    const word = unique('nplusone');
    for (let i = 0; i < 8; i++) {
      const t = await taxonomy(`n${i}`);
      const p = await createProject(
        {
          title: `${word} project ${i}`,
          fundingGoal: 1000 * i,
          currency: 'EUR',
          impactMetrics: [{ indicator: 'A', target: i }, { indicator: 'B' }],
          ...t.ids,
        },
        token,
      );
      await publish(p.id);
      const ev = await gql<any>(
        'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }',
        { input: { title: `${word} event ${i}`, startsAt: '2031-01-01T00:00:00Z', projectId: p.id } },
        { token },
      );
      await publish(ev.data.createEvent.id);
    }
    const query = `query($s: String!) { projects(first: 10, search: $s) { totalCount edges { node {
      title fundingGoal author { name } categories { name } tags { name } partners { name }
      impactMetrics { indicator target } events(first: 3) { totalCount edges { node { title project { title } } } }
    } } } }`;
    await gql('{ me { id } }', undefined, { token });
    await settle();
    for (const as of [undefined, token]) {
      const { result, statements } = await countSql(() => gql<any>(query, { s: word }, { token: as }));
      expect(result.errors).toBeUndefined();
      expect(result.data!.projects.totalCount).toBe(8);
      const node = result.data!.projects.edges[0].node;
      expect(node.categories).toHaveLength(1);
      expect(node.partners).toHaveLength(1);
      expect(node.impactMetrics.map((m: any) => m.indicator)).toEqual(['A', 'B']);
      expect(node.events.totalCount).toBe(1);
      expect(node.events.edges[0].node.project.title).toBe(node.title);
      // The page with its relations joined, and the count.
      expect(statements.length).toBeLessThanOrEqual(2);
    }
  });
});
