// The whole inventory as one zod schema, exported as JSON Schema for other YAML tools
// (`schemas/pigsty.schema.json`, written by `npm run gen:schema`). Same parameter schemas as the
// diagnostics; variables that are not Pigsty parameters stay allowed (the linter warns, the
// schema does not fail them).
import { z } from 'zod';
import { docsLink } from './descriptions';
import { CATALOG_VERSION, param } from './params';
import { jinja } from './primitives';
import { paramSchema, schemaNames } from './schemas';

export const SCHEMA_ID = 'https://github.com/pigsty-tools/pigsty-inventory/raw/main/schemas/pigsty.schema.json';

function varsSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const name of schemaNames()) {
    const s = paramSchema(name);
    const fact = param(name)!;
    if (!s) continue;
    // Jinja and an empty value are fine for every parameter (Ansible renders / leaves them unset)
    shape[name] = z.union([s, jinja(), z.null()]).optional().meta({ description: `${fact.module} · ${fact.type}. ${docsLink(fact)}` });
  }
  return z.looseObject(shape).meta({ id: 'vars', description: 'Parameters: all.vars, group vars or host vars.' });
}

function inventorySchema() {
  const vars = varsSchema();
  const hostVars = z.union([vars, z.null()]);
  const group: z.ZodType = z.looseObject({
    hosts: z.union([z.record(z.string(), hostVars), z.null()]).optional(),
    vars: z.union([vars, z.null()]).optional(),
    get children(): z.ZodType {
      return z.union([z.record(z.string(), z.union([group, z.null()])), z.null()]).optional();
    },
  }).meta({ id: 'group', description: 'An Ansible group: hosts keyed by IPv4, group vars, child groups.' });
  return z.looseObject({
    all: z.looseObject({
      vars: z.union([vars, z.null()]).optional(),
      children: z.union([z.record(z.string(), z.union([group, z.null()])), z.null()]).optional(),
      hosts: z.union([z.record(z.string(), hostVars), z.null()]).optional(),
    }),
  });
}

/** The JSON Schema document, with stable key order (the checked-in file must match it). */
export function buildJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(inventorySchema(), { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'inline' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: `Pigsty inventory (pigsty.yml), parameters of Pigsty ${CATALOG_VERSION}`,
    description: 'Generated from the zod schemas of the Pigsty Inventory extension. Regenerate with `npm run gen:schema`.',
    ...rest,
  };
}

export function jsonSchemaText(): string {
  return JSON.stringify(buildJsonSchema(), null, 2) + '\n';
}
