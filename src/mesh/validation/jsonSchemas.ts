/**
 * Validation of YAML/JSON descriptors against each format's own JSON Schema (ajv, compiled once per
 * format on first use). `format` keywords are annotations, as JSON Schema 2019-09/2020-12 define
 * them and as the formats' own tools treat them. The DPDS 1.0.0 schema is compiled with the
 * adjustments the README lists (it is stricter than the DPDS specification text and its reference
 * implementation in three places).
 */
import { Ajv, type AnySchema, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { DescriptorFormat } from '../model.ts';
import { descriptorError, type DescriptorTree } from '../source/DescriptorTree.ts';
import dataContractSchema from '../schemas/datacontract.schema.json' with { type: 'json' };
import dpdsSchema from '../schemas/dpds-1.0.0.schema.json' with { type: 'json' };
import lfOdpsSchema from '../schemas/lf-odps.schema.json' with { type: 'json' };
import odcsSchema from '../schemas/odcs.schema.json' with { type: 'json' };
import odpsSchema from '../schemas/odps.schema.json' with { type: 'json' };

/** The formats validated by a JSON Schema (DPROD is validated by SHACL). */
export type SchemaFormat = Exclude<DescriptorFormat, 'dprod'>;

const OPTIONS = { strict: false, allErrors: true, validateFormats: false } as const;
/** How many schema errors an error's details list. */
const MAX_REPORTED = 20;

const compilers: Record<SchemaFormat, () => ValidateFunction> = {
  'odcs': () => new Ajv2019(OPTIONS).compile(odcsSchema as AnySchema),
  'odps-bitol': () => new Ajv2019(OPTIONS).compile(odpsSchema as AnySchema),
  'odps-lf': () => new Ajv2020(OPTIONS).compile(lfOdpsSchema as AnySchema),
  'dpds': () => new Ajv2020(OPTIONS).compile(adjustDpdsSchema(dpdsSchema as Record<string, unknown>)),
  'dcs': () => new Ajv(OPTIONS).compile(dataContractSchema as AnySchema),
};
const compiled = new Map<SchemaFormat, ValidateFunction>();

/**
 * Throws OntomeshError DESCRIPTOR_INVALID when `tree` does not conform to the schema of `format`,
 * naming the most specific failing field (file, JSON Pointer, line:column); `details.errors`
 * lists every schema error found.
 *
 * @example validateDescriptor('odcs', tree);
 */
export function validateDescriptor(format: SchemaFormat, tree: DescriptorTree): void {
  let validate = compiled.get(format);
  if (!validate) {
    validate = compilers[format]();
    compiled.set(format, validate);
  }
  if (validate(tree.data)) return;
  const errors = (validate.errors ?? []).map((error) => ({ field: fieldOf(error), message: messageOf(error), error }));
  const [first] = [...errors].sort((a, b) => rank(b.error, b.field) - rank(a.error, a.field));
  if (!first) return;
  const reported = errors.slice(0, MAX_REPORTED).map(({ field, message }) => ({ ...tree.locate(field), message }));
  throw descriptorError(tree, first.field, first.message, format, { errors: reported });
}

/** The pointer an error is about: the missing or unexpected member itself, when there is one. */
function fieldOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const member = params.missingProperty ?? params.additionalProperty;
  return member === undefined ? error.instancePath : `${error.instancePath}/${member.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function messageOf(error: ErrorObject): string {
  const params = error.params as { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
  switch (error.keyword) {
    case 'required': return 'required field is missing';
    case 'additionalProperties': return 'field is not allowed here';
    case 'enum': return `${error.message ?? 'must be one of the allowed values'}: ${(params.allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default: return error.message ?? error.keyword;
  }
}

/**
 * How telling an error is: deeper fields first; combinators (oneOf/anyOf/if) and the "is not a
 * `$ref`" alternative of an object-or-reference choice last.
 */
function rank(error: ErrorObject, field: string): number {
  const depth = field.split('/').length;
  const vague = ['oneOf', 'anyOf', 'allOf', 'if', 'not'].includes(error.keyword) || (error.params as { missingProperty?: string }).missingProperty === '$ref';
  return vague ? depth - 1000 : depth;
}

/**
 * The DPDS 1.0.0 schema, adjusted where it contradicts the specification text and the reference
 * implementation (ODM platform):
 * - promises.deprecationPolicy/slo, expectations.audience/usage and
 *   obligations.termsAndConditions/billingPolicy/sla may be a Specification Extension Point object
 *   (`description`, `externalDocs`) as the specification defines them, not only a Standard
 *   Definition;
 * - a Standard Definition requires only `specification` and `definition` (not `name`/`version`);
 * - info needs `fullyQualifiedName` or `name`: the other is derived (see formats/dpds.ts).
 */
function adjustDpdsSchema(original: Record<string, unknown>): AnySchema {
  const schema = structuredClone(original) as { $defs: Record<string, Record<string, unknown>> };
  const defs = schema.$defs;
  defs['specificationExtensionPoint'] = {
    type: 'object',
    properties: { description: { type: 'string' }, externalDocs: { $ref: '#/$defs/externalResource' } },
    patternProperties: { '^x-': true },
  };
  defs['standardDefinitionEntity'] = { ...defs['entity'], required: [] };
  (defs['standardDefinition'] as { allOf: unknown[] }).allOf = [{ $ref: '#/$defs/standardDefinitionEntity' }, { $ref: '#/$defs/definition' }];
  const extensible = { anyOf: [{ $ref: '#/$defs/standardDefinition' }, { $ref: '#/$defs/specificationExtensionPoint' }] };
  const members: Record<string, string[]> = { promises: ['deprecationPolicy', 'slo'], expectations: ['audience', 'usage'], obligations: ['termsAndConditions', 'billingPolicy', 'sla'] };
  for (const [definition, properties] of Object.entries(members)) {
    const target = defs[definition]?.['properties'] as Record<string, unknown>;
    for (const property of properties) target[property] = extensible;
  }
  const info = defs['info'] as { required: string[]; anyOf?: unknown[] };
  info.required = info.required.filter((name) => name !== 'fullyQualifiedName' && name !== 'name');
  info.anyOf = [{ required: ['fullyQualifiedName'] }, { required: ['name'] }];
  return schema as AnySchema;
}
