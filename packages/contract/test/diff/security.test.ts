import { document as idcheck } from '@scrub/spec/idcheck/document';
import { describe, expect, it } from 'vitest';
import type { SpecDocument } from '../../src/diff/document.js';
import { operationsOf, type SpecOperation } from '../../src/diff/operations.js';
import { compareSecurity } from '../../src/diff/security.js';
import type { Finding } from '../../src/diff/side.js';

/** A parsed spec that edits reach into like a spec author would. */
type Loose = Record<string, any>;

const SCHEMES = {
  Key: { type: 'apiKey', in: 'header', name: 'x-api-key' },
  Account: { type: 'apiKey', in: 'header', name: 'x-account' },
  Bearer: { type: 'http', scheme: 'bearer' },
};

type Requirement = Record<string, string[]>;
/** A spec whose one operation has `security` (absent: the spec-wide `global`). */
function specOf(security: Requirement[] | undefined, global?: Requirement[], schemes: object = SCHEMES): SpecDocument {
  return {
    openapi: '3.1.0',
    ...(global === undefined ? {} : { security: global }),
    paths: { '/a': { get: { operationId: 'op', ...(security === undefined ? {} : { security }) } } },
    components: { securitySchemes: schemes },
  };
}
const only = (doc: SpecDocument): SpecOperation => [...operationsOf(doc).values()][0] as SpecOperation;
const compare = (base: SpecDocument, head: SpecDocument) => compareSecurity({ base, head }, only(base), only(head));
const ops = (base: Requirement[] | undefined, head: Requirement[] | undefined) => compare(specOf(base), specOf(head));

const f = (kind: Finding['kind'], verdict: Finding['verdict'], where: string, message: string): Finding => ({
  kind,
  verdict,
  where,
  message,
});
const added = (where: string) => f('security-requirement-added', 'breaking', where, 'requests need more credentials');
const removed = (where: string) =>
  f('security-requirement-removed', 'compatible', where, 'requests need fewer credentials');

describe('compareSecurity', () => {
  it('finds nothing when the requirements are the same, in any order, or moved between spec and operation', () => {
    expect(ops([{ Key: [] }], [{ Key: [] }])).toEqual([]);
    expect(ops([{ Key: [], Account: [] }], [{ Account: [], Key: [] }])).toEqual([]);
    expect(ops([{ Key: [] }, { Bearer: [] }], [{ Bearer: [] }, { Key: [] }])).toEqual([]);
    expect(compare(specOf(undefined, [{ Key: [] }]), specOf([{ Key: [] }]))).toEqual([]);
    expect(ops(undefined, undefined)).toEqual([]);
  });

  it('a requirement added where none was needed is breaking', () => {
    expect(ops(undefined, [{ Key: [] }])).toEqual([added('security Key')]);
    expect(ops([], [{ Key: [] }])).toEqual([added('security Key')]);
    expect(ops([{}], [{ Key: [] }])).toEqual([added('security Key')]);
  });

  it('a requirement removed (none needed now) is compatible', () => {
    expect(ops([{ Key: [] }], [])).toEqual([removed('security Key')]);
    expect(ops([{ Key: [] }], [{}])).toEqual([removed('security Key')]);
    // an operation that opts out of the spec-wide requirement
    expect(compare(specOf(undefined, [{ Key: [] }]), specOf([], [{ Key: [] }]))).toEqual([removed('security Key')]);
  });

  it('a scheme AND-ed onto an alternative is breaking; reported once, as a requirement added', () => {
    expect(ops([{ Key: [] }], [{ Key: [], Account: [] }])).toEqual([added('security Account + Key')]);
  });

  it('a scheme dropped from an AND is compatible; reported once, as a requirement removed', () => {
    expect(ops([{ Key: [], Account: [] }], [{ Key: [] }])).toEqual([removed('security Account + Key')]);
  });

  it('an alternative added is compatible: another way in', () => {
    expect(ops([{ Key: [] }], [{ Key: [] }, { Bearer: [] }])).toEqual([
      f('security-alternative-added', 'compatible', 'security Bearer', 'another way in added'),
    ]);
  });

  it('an alternative removed is breaking: its clients are refused', () => {
    expect(ops([{ Key: [] }, { Bearer: [] }], [{ Key: [] }])).toEqual([
      f('security-alternative-removed', 'breaking', 'security Bearer', 'a way in removed: its clients are refused'),
    ]);
  });

  it('an alternative replaced by another is one added and one removed: breaking', () => {
    expect(ops([{ Key: [] }], [{ Bearer: [] }]).map((x) => `${x.kind} ${x.verdict} ${x.where}`)).toEqual([
      'security-alternative-added compatible security Bearer',
      'security-alternative-removed breaking security Key',
    ]);
  });

  it('a scheme whose header name changed is breaking; a change of case of the header is not', () => {
    const renamedHeader = { ...SCHEMES, Key: { type: 'apiKey', in: 'header', name: 'x-project-key' } };
    const head = specOf([{ Key: [] }], undefined, renamedHeader);
    expect(compare(specOf([{ Key: [] }]), head)).toEqual([
      f(
        'security-scheme-changed',
        'breaking',
        'security scheme Key',
        'the scheme now reads ["apiKey","header","x-project-key",null,null] ' +
          '(was ["apiKey","header","x-api-key",null,null])',
      ),
    ]);
    const cased = { ...SCHEMES, Key: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'new' } };
    expect(compare(specOf([{ Key: [] }]), specOf([{ Key: [] }], undefined, cased))).toEqual([]);
  });

  it('a scheme whose type or http scheme changed is breaking; `Bearer` vs `bearer` is not', () => {
    const basic = { ...SCHEMES, Bearer: { type: 'http', scheme: 'basic' } };
    expect(compare(specOf([{ Bearer: [] }]), specOf([{ Bearer: [] }], undefined, basic))[0]).toMatchObject({
      kind: 'security-scheme-changed',
      verdict: 'breaking',
      where: 'security scheme Bearer',
    });
    const upper = { ...SCHEMES, Bearer: { type: 'http', scheme: 'Bearer' } };
    expect(compare(specOf([{ Bearer: [] }]), specOf([{ Bearer: [] }], undefined, upper))).toEqual([]);
  });

  // Regression: scopes are left out of an alternative (only scheme names are compared), so an OAuth scope
  // that a request's token must now carry is no change at all; a token without it is refused.
  it('an OAuth scope added to a requirement is a requirement added: breaking', () => {
    const oauth = { ...SCHEMES, OAuth: { type: 'oauth2', flows: {} } };
    const found = compare(
      specOf([{ OAuth: ['read'] }], undefined, oauth),
      specOf([{ OAuth: ['read', 'write'] }], undefined, oauth),
    );
    expect(found.map((x) => [x.kind, x.verdict])).toEqual([['security-requirement-added', 'breaking']]);
  });

  // Regression: the renamed base scheme is compared, under its head name, with a base scheme of that name
  // that does not exist: `ApiKeyAuth` renamed `ProjectKey` in components, same header, gives
  // security-scheme-changed (breaking) "the scheme now reads [...x-api-key...] (was [null,...])".
  it('a scheme renamed in components with the same wire form is no change (real spec)', () => {
    const head: Loose = structuredClone(idcheck);
    head.components.securitySchemes.ProjectKey = head.components.securitySchemes.ApiKeyAuth;
    delete head.components.securitySchemes.ApiKeyAuth;
    head.security = [{ ProjectKey: [] }];
    const [before, after] = [operationsOf(idcheck), operationsOf(head)];
    for (const [key, operation] of before) {
      expect(compareSecurity({ base: idcheck, head }, operation, after.get(key) as SpecOperation)).toEqual([]);
    }
  });

  // Regression: `security: [{}, {Key: []}]` still lets a request without credentials in; adding the Key
  // alternative to an open operation is reported as security-requirement-added, breaking (`open(before)`
  // alone decides "stricter", without asking whether the head is still open).
  it('an optional credential added to an open operation is an alternative added: compatible', () => {
    expect(ops([{}], [{}, { Key: [] }])).toEqual([
      f('security-alternative-added', 'compatible', 'security Key', 'another way in added'),
    ]);
  });

  // Regression: `security: []` and `security: [{}]` both mean "no credential needed"; going from one to the
  // other is reported as security-requirement-added, breaking, at `security none`.
  it('security [] -> [{}] is no change', () => {
    expect(ops([], [{}])).toEqual([]);
  });
});
