/** Events: create/update with versions, validation, the linked project's visibility, lists, statement counts. */
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { codes, countSql, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

/** The first use of a credential records its last-used time off the request path: let it land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const unique = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

const EVENT_FIELDS = `id slug title status version summary body bodyHtml startsAt endsAt timezone venue onlineUrl
  registrationUrl capacity project { id title }`;

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateEventInput!, $v: Int!) {
  updateEvent(id: $id, input: $input, expectedVersion: $v) { ${EVENT_FIELDS} }
}`;
const PUBLISH = 'mutation($id: ID!) { publish(id: $id) { id status } }';

let editor: string;
let author: string;

beforeAll(async () => {
  editor = (await signedIn('editor')).token;
  author = (await signedIn('author')).token;
});

async function createEvent(input: Record<string, unknown>, token = editor) {
  const res = await gql<any>(CREATE, { input: { startsAt: '2030-05-01T09:00:00Z', ...input } }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createEvent;
}

async function createProject(title: string) {
  const res = await gql<any>(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id title } }',
    { input: { title } },
    { token: editor },
  );
  expect(res.errors).toBeUndefined();
  return res.data.createProject as { id: string; title: string };
}

async function publish(id: string) {
  const res = await gql<any>(PUBLISH, { id }, { token: editor });
  expect(res.errors).toBeUndefined();
  expect(res.data.publish.status).toBe('PUBLISHED');
}

async function refusedFields(input: Record<string, unknown>) {
  const res = await gql(
    CREATE,
    { input: { title: 'Refused', startsAt: '2030-05-01T09:00:00Z', ...input } },
    {
      token: editor,
    },
  );
  expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  return res.errors?.[0]?.extensions?.fields ?? {};
}

describe('createEvent and updateEvent', () => {
  it('creates an event with every field', async () => {
    const project = await createProject('Event host project');
    const event = await createEvent({
      title: 'Charity Run 2030',
      summary: '10 km',
      body: 'Join [us](https://example.org)',
      startsAt: '2030-06-01T08:00:00+02:00',
      endsAt: '2030-06-01T12:00:00+02:00',
      timezone: 'Europe/Berlin',
      venue: 'Tempelhofer Feld',
      onlineUrl: 'https://stream.example.org/run',
      registrationUrl: 'http://example.org/register',
      capacity: 500,
      projectId: project.id,
    });
    expect(event).toMatchObject({
      slug: 'charity-run-2030',
      status: 'DRAFT',
      version: 1,
      startsAt: '2030-06-01T06:00:00.000Z',
      endsAt: '2030-06-01T10:00:00.000Z',
      timezone: 'Europe/Berlin',
      venue: 'Tempelhofer Feld',
      onlineUrl: 'https://stream.example.org/run',
      registrationUrl: 'http://example.org/register',
      capacity: 500,
      project: { id: project.id, title: 'Event host project' },
    });
    expect(event.bodyHtml).toContain('rel="noopener noreferrer nofollow"');
    const plain = await createEvent({ title: 'Charity Run 2030' });
    expect(plain).toMatchObject({ slug: 'charity-run-2030-2', timezone: 'UTC', endsAt: null, project: null });
  });

  it('refuses invalid input with the field named', async () => {
    expect(await refusedFields({ endsAt: '2030-05-01T08:00:00Z' })).toEqual({ endsAt: expect.any(String) });
    expect(await refusedFields({ endsAt: '2030-05-01T09:00:00Z' })).toHaveProperty('endsAt');
    expect(await refusedFields({ timezone: 'Mars/Olympus_Mons' })).toEqual({ timezone: expect.any(String) });
    expect(await refusedFields({ timezone: '' })).toHaveProperty('timezone');
    expect(await refusedFields({ onlineUrl: 'javascript:alert(1)' })).toEqual({ onlineUrl: expect.any(String) });
    expect(await refusedFields({ registrationUrl: 'ftp://example.org/x' })).toEqual({
      registrationUrl: expect.any(String),
    });
    expect(await refusedFields({ registrationUrl: 'not a url' })).toHaveProperty('registrationUrl');
    expect(await refusedFields({ capacity: -1 })).toEqual({ capacity: expect.any(String) });
    expect(await refusedFields({ locale: 'xx' })).toEqual({ locale: expect.any(String) });
    expect(await refusedFields({ slug: '-bad-' })).toHaveProperty('slug');
    expect(await refusedFields({ projectId: 'UG9zdDoxMjM=' })).toHaveProperty('projectId');
    expect(Object.keys(await refusedFields({ capacity: -5, timezone: 'Nowhere', onlineUrl: 'x' })).sort()).toEqual([
      'capacity',
      'onlineUrl',
      'timezone',
    ]);
    const badDate = await gql(CREATE, { input: { title: 'X', startsAt: 'tomorrow' } }, { token: editor });
    expect(codes(badDate)).toEqual(['BAD_USER_INPUT']);
  });

  it('updates with expectedVersion and checks endsAt against the stored startsAt', async () => {
    const event = await createEvent({ title: 'Gala', startsAt: '2030-09-01T18:00:00Z', capacity: 100 });
    const ok = await gql<any>(
      UPDATE,
      { id: event.id, input: { endsAt: '2030-09-01T23:00:00Z', venue: 'Town hall', capacity: null }, v: 1 },
      { token: editor },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data.updateEvent).toMatchObject({
      version: 2,
      endsAt: '2030-09-01T23:00:00.000Z',
      venue: 'Town hall',
      capacity: null,
    });
    const stale = await gql(UPDATE, { id: event.id, input: { title: 'Late' }, v: 1 }, { token: editor });
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);

    const laterStart = await gql(
      UPDATE,
      { id: event.id, input: { startsAt: '2030-09-02T00:00:00Z' }, v: 2 },
      {
        token: editor,
      },
    );
    expect(codes(laterStart)).toEqual(['BAD_USER_INPUT']);
    expect(laterStart.errors?.[0]?.extensions?.fields).toHaveProperty('endsAt');
    const badZone = await gql(
      UPDATE,
      { id: event.id, input: { timezone: 'Europe/Atlantis' }, v: 2 },
      {
        token: editor,
      },
    );
    expect(badZone.errors?.[0]?.extensions?.fields).toHaveProperty('timezone');

    // Linking and unlinking a project.
    const project = await createProject('Gala project');
    const linked = await gql<any>(UPDATE, { id: event.id, input: { projectId: project.id }, v: 2 }, { token: editor });
    expect(linked.data.updateEvent.project.id).toBe(project.id);
    const unlinked = await gql<any>(UPDATE, { id: event.id, input: { projectId: null }, v: 3 }, { token: editor });
    expect(unlinked.data.updateEvent.project).toBeNull();
  });

  it('refuses a duplicate slug with CONFLICT', async () => {
    const slug = unique('meetup');
    await createEvent({ title: 'Meetup', slug });
    const dup = await gql(
      CREATE,
      { input: { title: 'Meetup 2', slug, startsAt: '2030-01-01T00:00:00Z' } },
      {
        token: editor,
      },
    );
    expect(codes(dup)).toEqual(['CONFLICT']);
    expect(dup.errors?.[0]?.extensions?.fields).toEqual({ slug: 'is taken' });
    const other = await createEvent({ title: 'Other meetup' });
    const onUpdate = await gql(UPDATE, { id: other.id, input: { slug }, v: 1 }, { token: editor });
    expect(codes(onUpdate)).toEqual(['CONFLICT']);
    expect(onUpdate.errors?.[0]?.extensions?.fields).toEqual({ slug: 'is taken' });
  });

  it('does not let an author link a project they cannot see', async () => {
    const hidden = await createProject('Editor draft project');
    const res = await gql(
      CREATE,
      { input: { title: 'Sneaky', startsAt: '2030-01-01T00:00:00Z', projectId: hidden.id } },
      { token: author },
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0]?.extensions?.fields).toEqual({ projectId: 'names a missing project' });
  });
});

describe('visibility and lists', () => {
  it('hides drafts from the public, and a draft project reads as null', async () => {
    const project = await createProject('Not yet public');
    const slug = unique('open-day');
    const event = await createEvent({ title: 'Open day', slug, projectId: project.id });
    const bySlug = 'query($slug: String!) { event(slug: $slug) { id project { id } } }';
    expect((await gql<any>(bySlug, { slug })).data.event).toBeNull();
    expect((await gql<any>('query($id: ID!) { node(id: $id) { id } }', { id: event.id })).data.node).toBeNull();
    const listed = 'query($id: ID!) { events(first: 100, where: { projectId: $id }) { totalCount } }';
    expect((await gql<any>(listed, { id: project.id })).data.events.totalCount).toBe(0);

    await publish(event.id);
    const read = await gql<any>(bySlug, { slug });
    expect(read.data.event.id).toBe(event.id);
    expect(read.data.event.project).toBeNull();
    expect((await gql<any>(listed, { id: project.id })).data.events.totalCount).toBe(1);
    const staff = await gql<any>(
      'query($slug: String!) { event(slug: $slug, preview: true) { project { id } } }',
      {
        slug,
      },
      { token: editor },
    );
    expect(staff.data.event.project.id).toBe(project.id);

    await publish(project.id);
    expect((await gql<any>(bySlug, { slug })).data.event.project.id).toBe(project.id);
  });

  it('orders by startsAt by default and filters upcoming and by start time', async () => {
    const word = unique('series');
    const past = await createEvent({ title: `${word} past`, startsAt: '2020-01-01T10:00:00Z' });
    const later = await createEvent({ title: `${word} later`, startsAt: '2031-03-01T10:00:00Z' });
    const sooner = await createEvent({ title: `${word} sooner`, startsAt: '2030-03-01T10:00:00Z' });
    const draft = await createEvent({ title: `${word} draft`, startsAt: '2030-04-01T10:00:00Z' });
    for (const e of [past, later, sooner]) await publish(e.id);
    const titles = async (args: string) => {
      const res = await gql<any>(
        `query($s: String!) { events(first: 10, search: $s${args}) { edges { node { title } } } }`,
        {
          s: word,
        },
      );
      expect(res.errors).toBeUndefined();
      return res.data.events.edges.map((e: any) => e.node.title.replace(`${word} `, ''));
    };
    expect(await titles('')).toEqual(['past', 'sooner', 'later']);
    expect(await titles(', where: { upcoming: true }')).toEqual(['sooner', 'later']);
    expect(await titles(', where: { upcoming: false }')).toEqual(['past']);
    expect(await titles(', orderBy: [{ startsAt: DESC }]')).toEqual(['later', 'sooner', 'past']);
    expect(
      await titles(', where: { startsAfter: "2030-01-01T00:00:00Z", startsBefore: "2031-01-01T00:00:00Z" }'),
    ).toEqual(['sooner']);
    expect(draft.status).toBe('DRAFT');
    const preview = await gql<any>(
      'query($s: String!) { events(first: 10, search: $s, preview: true, where: { status: DRAFT }) { totalCount } }',
      { s: word },
      { token: editor },
    );
    expect(preview.data.events.totalCount).toBe(1);
    const badId = await gql('{ events(first: 1, where: { projectId: "nope" }) { totalCount } }');
    expect(codes(badId)).toEqual(['BAD_USER_INPUT']);
  });

  it('reads nested project and author in a constant number of statements', async () => {
    const { token } = await signedIn('editor');
    const word = unique('nested');
    for (let i = 0; i < 10; i++) {
      const project = await createProject(`${word} project ${i}`);
      if (i % 2 === 0) await publish(project.id);
      const event = await createEvent({ title: `${word} event ${i}`, projectId: project.id }, token);
      await publish(event.id);
    }
    const query = `query($s: String!) { events(first: 20, search: $s) { totalCount edges { node {
      title startsAt author { name } project { title author { name } categories { name } }
    } } } }`;
    await gql('{ me { id } }', undefined, { token });
    await settle();
    const { result, statements } = await countSql(() => gql<any>(query, { s: word }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.events.totalCount).toBe(10);
    const withProject = result.data!.events.edges.filter((e: any) => e.node.project !== null);
    expect(withProject).toHaveLength(5);
    expect(statements.length).toBeLessThanOrEqual(2);
    // Staff see drafts nested in the list only in preview mode.
    const staff = await countSql(() =>
      gql<any>(query.replace('search: $s)', 'search: $s, preview: true)'), { s: word }, { token }),
    );
    expect(staff.result.data!.events.edges.filter((e: any) => e.node.project !== null)).toHaveLength(10);
    expect(staff.statements.length).toBeLessThanOrEqual(2);
  });
});
