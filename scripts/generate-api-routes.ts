/** Writes tab/src/api/routes.generated.ts from the route table: `npm run generate:api-routes`. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedClientRoutesFile, renderClientRoutes } from '../functions/src/http/client-routes.js';

const target = fileURLToPath(new URL(`../${generatedClientRoutesFile}`, import.meta.url));
writeFileSync(target, await renderClientRoutes());
console.log(`Wrote ${generatedClientRoutesFile}`);
