// Copies the browser builds the web pages use from node_modules into server/web/static/vendor/,
// so that every page is served from medgraph itself and nothing is loaded from the internet.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const vendor = join(here, "..", "..", "server", "web", "static", "vendor");
const files = [
  ["cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape.LICENSE.txt"],
];

mkdirSync(vendor, { recursive: true });
for (const [from, to] of files) {
  copyFileSync(join(here, "node_modules", from), join(vendor, to));
}
console.log(`web assets: ${files.length} files in ${vendor}`);
