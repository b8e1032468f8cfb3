// Writes schemas/pigsty.schema.json from the compiled zod definitions (run `npm run build` first;
// `npm run gen:schema` does both). The unit test test/unit/schema.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { jsonSchemaText } = require('../out/server/src/catalog/jsonSchema.js');
writeFileSync(new URL('../schemas/pigsty.schema.json', import.meta.url), jsonSchemaText());
console.log('wrote schemas/pigsty.schema.json');
