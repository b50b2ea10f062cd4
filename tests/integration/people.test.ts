/**
 * People (team, board) and partners: public reads, lists and lookups, create/update/delete for
 * people:manage holders, validation and slug conflicts, and partners' staff-only contact details
 * (null with FORBIDDEN / UNAUTHENTICATED for others, never searchable).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { decodeGlobalIdOf } from '../../src/schema/global-id.js';
import { codes, countSql, type GqlError, gql } from '../helpers/client.js';
import { signedIn } from '../helpers/factories.js';

/** The first use of a credential records its last-used time off the request path: let it land. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

const unique = () => Math.random().toString(36).slice(2, 8);

const PERSON_FIELDS = 'id name slug role bio photoId position createdAt updatedAt';
const CREATE_PERSON = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { ${PERSON_FIELDS} } }`;
const UPDATE_PERSON = `mutation ($id: ID!, $input: UpdatePersonInput!) { updatePerson(id: $id, input: $input) { ${PERSON_FIELDS} } }`;
const DELETE_PERSON = `mutation ($id: ID!) { deletePerson(id: $id) { ${PERSON_FIELDS} } }`;

const PARTNER_FIELDS = 'id name slug website logoId contactName contactEmail createdAt updatedAt';
const CREATE_PARTNER = `mutation ($input: CreatePartnerInput!) { createPartner(input: $input) { ${PARTNER_FIELDS} } }`;
const UPDATE_PARTNER = `mutation ($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { ${PARTNER_FIELDS} } }`;
const DELETE_PARTNER = `mutation ($id: ID!) { deletePartner(id: $id) { ${PARTNER_FIELDS} } }`;

/** A media row to point photos and logos at (the media library's own tests upload real files). */
let PHOTO = '';
beforeAll(async () => {
  const media = await prisma.media.create({
    data: {
      filename: 'portrait.jpg',
      mimeType: 'image/jpeg',
      size: 1,
      storageKey: `test/${randomUUID()}`,
      checksum: 'x',
    },
  });
  PHOTO = media.id;
});

async function editor() {
  return (await signedIn('editor')).token;
}

/** The single error of a response: its code and extensions.fields. */
function failure(res: { errors?: GqlError[] }) {
  expect(res.errors).toHaveLength(1);
  return { code: res.errors![0]!.extensions?.code, fields: res.errors![0]!.extensions?.fields };
}

/** Asserts BAD_USER_INPUT naming exactly `field`. */
function expectInvalid(res: { errors?: GqlError[] }, field: string, label: string) {
  const { code, fields } = failure(res);
  expect(code, label).toBe('BAD_USER_INPUT');
  expect(Object.keys(fields ?? {}), label).toEqual([field]);
}

async function createPerson(token: string, input: Record<string, unknown>) {
  const res = await gql<any>(CREATE_PERSON, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createPerson;
}

async function createPartner(token: string, input: Record<string, unknown>) {
  const res = await gql<any>(CREATE_PARTNER, { input }, { token });
  expect(res.errors).toBeUndefined();
  return res.data.createPartner;
}

describe('people', () => {
  it('an editor creates, updates and deletes a person; all audited', async () => {
    const token = await editor();
    const name = `Amina ${unique()}`;
    const person = await createPerson(token, {
      name,
      role: 'Treasurer',
      bio: 'Former auditor.',
      photoId: PHOTO,
      position: 3,
    });
    expect(person).toMatchObject({
      name,
      slug: name.toLowerCase().replaceAll(' ', '-'),
      role: 'Treasurer',
      bio: 'Former auditor.',
      photoId: PHOTO,
      position: 3,
    });
    const twin = await createPerson(token, { name });
    expect(twin).toMatchObject({ slug: `${person.slug}-2`, role: '', bio: '', photoId: null, position: 0 });

    const updated = await gql<any>(
      UPDATE_PERSON,
      { id: person.id, input: { role: 'Chair', photoId: null, position: 1 } },
      { token },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updatePerson).toMatchObject({ name, role: 'Chair', photoId: null, position: 1 });

    const bySlug = await gql<any>('query ($slug: String) { person(slug: $slug) { id name role } }', {
      slug: person.slug,
    });
    expect(bySlug.data.person).toEqual({ id: person.id, name, role: 'Chair' });
    const byId = await gql<any>('query ($id: ID) { person(id: $id) { slug } }', { id: person.id });
    expect(byId.data.person.slug).toBe(person.slug);
    const node = await gql<any>('query ($id: ID!) { node(id: $id) { ... on Person { name } } }', { id: person.id });
    expect(node.data.node.name).toBe(name);

    const deleted = await gql<any>(DELETE_PERSON, { id: person.id }, { token });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deletePerson).toMatchObject({ id: person.id, name, role: 'Chair', position: 1 });
    const gone = await gql<any>('query ($id: ID) { person(id: $id) { id } }', { id: person.id });
    expect(gone.data.person).toBeNull();
    expect(codes(await gql(DELETE_PERSON, { id: person.id }, { token }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(UPDATE_PERSON, { id: person.id, input: { name: 'X' } }, { token }))).toEqual(['NOT_FOUND']);

    const id = decodeGlobalIdOf(person.id, 'Person', 'id');
    const actions = await prisma.auditEvent.findMany({ where: { targetType: 'Person', targetId: id } });
    expect(actions.map((a) => a.action).sort()).toEqual(['person.create', 'person.delete', 'person.update']);
  });

  it('validates every field and refuses duplicate slugs', async () => {
    const token = await editor();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '' }, 'name'],
      [{ name: 'n'.repeat(101) }, 'name'],
      [{ name: 'Ok', slug: 'Has Spaces' }, 'slug'],
      [{ name: 'Ok', role: 'r'.repeat(101) }, 'role'],
      [{ name: 'Ok', bio: 'b'.repeat(5001) }, 'bio'],
      [{ name: 'Ok', photoId: 'not-a-uuid' }, 'photoId'],
      [{ name: 'Ok', position: -1 }, 'position'],
      [{ name: 'Ok', position: 1_000_001 }, 'position'],
    ];
    for (const [input, field] of cases)
      expectInvalid(await gql(CREATE_PERSON, { input }, { token }), field, JSON.stringify(input));

    const slug = `jo-${unique()}`;
    const person = await createPerson(token, { name: 'Jo', slug });
    expect(failure(await gql(CREATE_PERSON, { input: { name: 'Jo again', slug } }, { token }))).toEqual({
      code: 'CONFLICT',
      fields: { slug: 'is taken' },
    });
    const other = await createPerson(token, { name: 'Other person' });
    expect(failure(await gql(UPDATE_PERSON, { id: other.id, input: { slug } }, { token }))).toEqual({
      code: 'CONFLICT',
      fields: { slug: 'is taken' },
    });
    for (const [input, field] of [
      [{ name: null }, 'name'],
      [{ slug: null }, 'slug'],
      [{ role: null }, 'role'],
      [{ bio: null }, 'bio'],
      [{ position: null }, 'position'],
      [{ slug: 'BAD' }, 'slug'],
      [{ photoId: 'x' }, 'photoId'],
    ] as Array<[Record<string, unknown>, string]>) {
      expectInvalid(await gql(UPDATE_PERSON, { id: person.id, input }, { token }), field, JSON.stringify(input));
    }
    const badId = await gql(UPDATE_PERSON, { id: 'garbage', input: { name: 'X' } }, { token });
    expect(failure(badId)).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.any(String) } });
  });

  it('concurrent creates with the same name all succeed with distinct auto-made slugs', async () => {
    const token = await editor();
    const name = `Race ${unique()}`;
    for (const [mutation, field] of [
      [CREATE_PERSON, 'createPerson'],
      [CREATE_PARTNER, 'createPartner'],
    ]) {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => gql<any>(mutation!, { input: { name } }, { token })),
      );
      expect(results.flatMap((r) => codes(r))).toEqual([]);
      expect(new Set(results.map((r) => r.data[field!].slug)).size).toBe(10);
    }
  });

  it('refuses authors (FORBIDDEN) and the anonymous visitor (UNAUTHENTICATED)', async () => {
    const token = await editor();
    const person = await createPerson(token, { name: 'Guarded person' });
    const author = (await signedIn('author')).token;
    const before = await prisma.person.count();
    for (const [options, expected] of [
      [{ token: author }, 'FORBIDDEN'],
      [{}, 'UNAUTHENTICATED'],
    ] as const) {
      expect(codes(await gql(CREATE_PERSON, { input: { name: 'Nope' } }, options))).toEqual([expected]);
      expect(codes(await gql(UPDATE_PERSON, { id: person.id, input: { name: 'Nope' } }, options))).toEqual([expected]);
      expect(codes(await gql(DELETE_PERSON, { id: person.id }, options))).toEqual([expected]);
    }
    expect(await prisma.person.count()).toBe(before);
  });

  it('people are listed by position then name, searchable, paged, in a constant number of statements', async () => {
    const token = await editor();
    const tag = unique();
    await createPerson(token, { name: `Zoe ${tag}`, position: 1 });
    await createPerson(token, { name: `Bea ${tag}`, position: 2 });
    await createPerson(token, { name: `Adam ${tag}`, position: 2 });
    await createPerson(token, { name: `Yann ${tag}`, position: 0, role: `Director ${tag}` });
    const listed = await gql<any>('query ($s: String) { people(search: $s) { totalCount edges { node { name } } } }', {
      s: tag,
    });
    expect(listed.errors).toBeUndefined();
    expect(listed.data.people.totalCount).toBe(4);
    expect(listed.data.people.edges.map((e: any) => e.node.name)).toEqual([
      `Yann ${tag}`,
      `Zoe ${tag}`,
      `Adam ${tag}`,
      `Bea ${tag}`,
    ]);
    const byRole = await gql<any>('query ($s: String) { people(search: $s) { totalCount } }', { s: `director ${tag}` });
    expect(byRole.data.people.totalCount).toBe(1);

    const page1 = await gql<any>(
      'query ($s: String) { people(search: $s, first: 2) { edges { node { name } } pageInfo { hasNextPage endCursor } } }',
      { s: tag },
    );
    expect(page1.data.people.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql<any>(
      'query ($s: String, $after: String) { people(search: $s, first: 2, after: $after) { edges { node { name } } pageInfo { hasNextPage } } }',
      { s: tag, after: page1.data.people.pageInfo.endCursor },
    );
    expect(page2.data.people.edges.map((e: any) => e.node.name)).toEqual([`Adam ${tag}`, `Bea ${tag}`]);
    expect(page2.data.people.pageInfo.hasNextPage).toBe(false);
    expect(codes(await gql('{ people(first: 101) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);

    for (let i = 0; i < 20; i++) await createPerson(token, { name: `Bulk ${i}`, position: i });
    await gql('{ me { id } }', undefined, { token });
    await settle();
    const { result, statements } = await countSql(() =>
      gql<any>(`{ people(first: 50) { totalCount edges { cursor node { ${PERSON_FIELDS} } } } }`, undefined, { token }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.people.edges.length).toBeGreaterThanOrEqual(24);
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});

describe('partners', () => {
  it('an editor creates, updates and deletes a partner; audits hold no contact details', async () => {
    const token = await editor();
    const name = `Water Aid ${unique()}`;
    const partner = await createPartner(token, {
      name,
      website: 'https://wateraid.example.org',
      logoId: PHOTO,
      contactName: 'Sam Rivers',
      contactEmail: 'sam@wateraid.example.org',
    });
    expect(partner).toMatchObject({
      name,
      slug: name.toLowerCase().replaceAll(' ', '-'),
      website: 'https://wateraid.example.org',
      logoId: PHOTO,
      contactName: 'Sam Rivers',
      contactEmail: 'sam@wateraid.example.org',
    });
    const bare = await createPartner(token, { name });
    expect(bare).toMatchObject({
      slug: `${partner.slug}-2`,
      website: null,
      logoId: null,
      contactName: null,
      contactEmail: null,
    });

    const updated = await gql<any>(
      UPDATE_PARTNER,
      { id: partner.id, input: { website: '', contactEmail: 'info@wateraid.example.org', contactName: null } },
      { token },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updatePartner).toMatchObject({
      name,
      website: null,
      contactName: null,
      contactEmail: 'info@wateraid.example.org',
    });

    const deleted = await gql<any>(DELETE_PARTNER, { id: partner.id }, { token });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deletePartner).toMatchObject({
      id: partner.id,
      name,
      contactEmail: 'info@wateraid.example.org',
    });
    expect(codes(await gql(DELETE_PARTNER, { id: partner.id }, { token }))).toEqual(['NOT_FOUND']);

    const id = decodeGlobalIdOf(partner.id, 'Partner', 'id');
    const audit = await prisma.auditEvent.findMany({ where: { targetType: 'Partner', targetId: id } });
    expect(audit.map((a) => a.action).sort()).toEqual(['partner.create', 'partner.delete', 'partner.update']);
    const logged = JSON.stringify(audit.map((a) => a.details));
    expect(logged).not.toContain('wateraid.example.org');
    expect(logged).not.toContain('Sam Rivers');
  });

  it('validates every field and refuses duplicate slugs', async () => {
    const token = await editor();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '' }, 'name'],
      [{ name: 'n'.repeat(201) }, 'name'],
      [{ name: 'Ok', slug: 'no_underscores' }, 'slug'],
      [{ name: 'Ok', website: 'wateraid.org' }, 'website'],
      [{ name: 'Ok', website: 'ftp://wateraid.org' }, 'website'],
      [{ name: 'Ok', website: 'javascript:alert(1)' }, 'website'],
      [{ name: 'Ok', website: `https://example.org/${'p'.repeat(2000)}` }, 'website'],
      [{ name: 'Ok', logoId: '123' }, 'logoId'],
      [{ name: 'Ok', contactName: 'c'.repeat(201) }, 'contactName'],
      [{ name: 'Ok', contactEmail: 'not-an-email' }, 'contactEmail'],
      [{ name: 'Ok', contactEmail: 'a@b' }, 'contactEmail'],
    ];
    for (const [input, field] of cases) {
      expectInvalid(await gql(CREATE_PARTNER, { input }, { token }), field, JSON.stringify(input));
    }
    const slug = `unicef-${unique()}`;
    const partner = await createPartner(token, { name: 'Unicef', slug, website: 'http://unicef.example.org' });
    expect(failure(await gql(CREATE_PARTNER, { input: { name: 'Unicef 2', slug } }, { token }))).toEqual({
      code: 'CONFLICT',
      fields: { slug: 'is taken' },
    });
    const other = await createPartner(token, { name: 'Other partner' });
    expect(failure(await gql(UPDATE_PARTNER, { id: other.id, input: { slug } }, { token }))).toEqual({
      code: 'CONFLICT',
      fields: { slug: 'is taken' },
    });
    for (const [input, field] of [
      [{ name: null }, 'name'],
      [{ slug: null }, 'slug'],
      [{ website: 'mailto:x@example.org' }, 'website'],
      [{ contactEmail: 'nope' }, 'contactEmail'],
    ] as Array<[Record<string, unknown>, string]>) {
      expectInvalid(await gql(UPDATE_PARTNER, { id: partner.id, input }, { token }), field, JSON.stringify(input));
    }
  });

  it('refuses authors (FORBIDDEN) and the anonymous visitor (UNAUTHENTICATED)', async () => {
    const token = await editor();
    const partner = await createPartner(token, { name: 'Guarded partner' });
    const author = (await signedIn('author')).token;
    const before = await prisma.partner.count();
    for (const [options, expected] of [
      [{ token: author }, 'FORBIDDEN'],
      [{}, 'UNAUTHENTICATED'],
    ] as const) {
      expect(codes(await gql('mutation { createPartner(input: { name: "Nope" }) { id } }', {}, options))).toEqual([
        expected,
      ]);
      expect(codes(await gql(UPDATE_PARTNER, { id: partner.id, input: { name: 'Nope' } }, options))).toEqual([
        expected,
      ]);
      expect(codes(await gql(DELETE_PARTNER, { id: partner.id }, options))).toEqual([expected]);
    }
    expect(await prisma.partner.count()).toBe(before);
  });

  it('contact details: null with FORBIDDEN for authors, UNAUTHENTICATED for the public, readable by editors', async () => {
    const token = await editor();
    const name = `Red Cross ${unique()}`;
    const partner = await createPartner(token, {
      name,
      website: 'https://redcross.example.org',
      contactName: 'Lee Park',
      contactEmail: 'lee@redcross.example.org',
    });
    const author = (await signedIn('author')).token;
    const ONE = 'query ($slug: String) { partner(slug: $slug) { name website contactName contactEmail } }';
    const LIST = 'query ($s: String) { partners(search: $s) { totalCount edges { node { name contactEmail } } } }';

    const staff = await gql<any>(ONE, { slug: partner.slug }, { token });
    expect(staff.errors).toBeUndefined();
    expect(staff.data.partner).toEqual({
      name,
      website: 'https://redcross.example.org',
      contactName: 'Lee Park',
      contactEmail: 'lee@redcross.example.org',
    });
    const staffList = await gql<any>(LIST, { s: name }, { token });
    expect(staffList.errors).toBeUndefined();
    expect(staffList.data.partners.edges[0].node.contactEmail).toBe('lee@redcross.example.org');

    for (const [options, expected] of [
      [{ token: author }, 'FORBIDDEN'],
      [{}, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await gql<any>(ONE, { slug: partner.slug }, options);
      expect(res.data.partner).toEqual({
        name,
        website: 'https://redcross.example.org',
        contactName: null,
        contactEmail: null,
      });
      const byPath = Object.fromEntries((res.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]));
      expect(byPath).toEqual({ 'partner.contactName': expected, 'partner.contactEmail': expected });

      const list = await gql<any>(LIST, { s: name }, options);
      expect(list.data.partners.totalCount).toBe(1);
      expect(list.data.partners.edges[0].node).toEqual({ name, contactEmail: null });
      expect(codes(list)).toEqual([expected]);
      expect(list.errors![0]!.path).toEqual(['partners', 'edges', 0, 'node', 'contactEmail']);

      // node(id) applies the same rule.
      const node = await gql<any>(
        'query ($id: ID!) { node(id: $id) { ... on Partner { name contactName } } }',
        { id: partner.id },
        options,
      );
      expect(node.data.node).toEqual({ name, contactName: null });
      expect(codes(node)).toEqual([expected]);
    }
  });

  it('search matches the name only, never the contact details; lists in a constant number of statements', async () => {
    const token = await editor();
    const secret = `hidden${unique()}`;
    const name = `Oxfam ${unique()}`;
    const partner = await createPartner(token, {
      name,
      contactName: `Contact ${secret}`,
      contactEmail: `${secret}@oxfam.example.org`,
    });
    for (const options of [{}, { token }]) {
      const probe = await gql<any>(
        'query ($s: String) { partners(search: $s) { totalCount } }',
        { s: secret },
        options,
      );
      expect(probe.errors).toBeUndefined();
      expect(probe.data.partners.totalCount).toBe(0);
    }
    const found = await gql<any>('query ($s: String) { partners(search: $s) { edges { node { id } } } }', {
      s: name.toUpperCase(),
    });
    expect(found.data.partners.edges.map((e: any) => e.node.id)).toEqual([partner.id]);
    // No argument could filter or sort by a contact field.
    expect(codes(await gql('{ partners(where: { contactEmail: "x" }) { totalCount } }'))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    const byId = await gql<any>('query ($id: ID) { partner(id: $id) { name } }', { id: partner.id });
    expect(byId.data.partner.name).toBe(name);
    expect((await gql<any>('{ partner(slug: "no-such-partner") { id } }')).data.partner).toBeNull();

    for (let i = 0; i < 20; i++) {
      await createPartner(token, { name: `Bulk partner ${i}`, contactEmail: `bulk${i}@example.org` });
    }
    await gql('{ me { id } }', undefined, { token });
    await settle();
    const { result, statements } = await countSql(() =>
      gql<any>(`{ partners(first: 50) { totalCount edges { cursor node { ${PARTNER_FIELDS} } } } }`, undefined, {
        token,
      }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.partners.edges.length).toBeGreaterThanOrEqual(21);
    expect(statements.length).toBeLessThanOrEqual(2);
  });

  it("projects: a connection of the partner's projects the caller may see; deleting the partner keeps them", async () => {
    const editorSession = await signedIn('editor');
    const token = editorSession.token;
    const partner = await createPartner(token, { name: `Habitat ${unique()}` });
    const author = await signedIn('author');
    const project = async (title: string, by: string) => {
      const res = await gql<any>(
        'mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        { input: { title, partnerIds: [partner.id] } },
        { token: by },
      );
      expect(res.errors).toBeUndefined();
      return res.data.createProject.id as string;
    };
    const published = await project('Houses for all', token);
    const publish = await gql('mutation ($id: ID!) { publish(id: $id) { id } }', { id: published }, { token });
    expect(publish.errors).toBeUndefined();
    const editorDraft = await project('Secret plans', token);
    const authorDraft = await project('My own draft', author.token);

    const QUERY = `query ($slug: String, $preview: Boolean) { partner(slug: $slug, preview: $preview) {
      projects(first: 10) { totalCount edges { node { id title status } } } } }`;
    const seen = async (options: { token?: string }, preview = false) => {
      const res = await gql<any>(QUERY, { slug: partner.slug, preview }, options);
      expect(res.errors).toBeUndefined();
      const { totalCount, edges } = res.data.partner.projects;
      const ids = edges.map((e: any) => e.node.id).sort();
      expect(totalCount).toBe(ids.length);
      return ids;
    };
    // Without preview, everyone reads what the public reads.
    for (const options of [{}, { token: author.token }, { token }]) expect(await seen(options)).toEqual([published]);
    // With preview, what each caller may see: authors their own drafts too, staff everything.
    expect(await seen({}, true)).toEqual([published]);
    expect(await seen({ token: author.token }, true)).toEqual([published, authorDraft].sort());
    expect(await seen({ token }, true)).toEqual([published, editorDraft, authorDraft].sort());
    const listed = await gql<any>(
      'query ($s: String) { partners(search: $s, preview: true) { edges { node { projects { totalCount } } } } }',
      { s: partner.name },
      { token: author.token },
    );
    expect(listed.data.partners.edges[0].node.projects.totalCount).toBe(2);

    // Nested in a list: still a constant number of statements.
    await gql('{ me { id } }', undefined, { token });
    await settle();
    const { result, statements } = await countSql(() =>
      gql<any>(
        '{ partners(first: 50, preview: true) { totalCount edges { node { name projects(first: 5) { totalCount edges { node { title } } } } } } }',
        undefined,
        { token },
      ),
    );
    expect(result.errors).toBeUndefined();
    const before = statements.length;
    for (let i = 0; i < 5; i++) await createPartner(token, { name: `More partner ${i}` });
    await project('Another', token);
    const again = await countSql(() =>
      gql<any>(
        '{ partners(first: 50, preview: true) { totalCount edges { node { name projects(first: 5) { totalCount edges { node { title } } } } } } }',
        undefined,
        { token },
      ),
    );
    expect(again.result.errors).toBeUndefined();
    expect(again.statements.length).toBe(before);
    expect(before).toBeLessThanOrEqual(4);

    const deleted = await gql<any>(DELETE_PARTNER, { id: partner.id }, { token });
    expect(deleted.errors).toBeUndefined();
    const stays = await prisma.project.findUniqueOrThrow({
      where: { id: decodeGlobalIdOf(published, 'Project', 'id') },
      include: { partners: true },
    });
    expect(stays.partners).toEqual([]);
  });
});
