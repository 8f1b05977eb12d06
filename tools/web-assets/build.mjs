// Copies the browser builds the web pages use from node_modules into server/web/static/vendor/,
// so that every page is served from medgraph itself and nothing is loaded from the internet.
//
// GraphiQL's stylesheet embeds its fonts as data: URLs, which the content security policy (font-src 'self')
// refuses; they are written out as files beside it, named and versioned by their content the way
// server.web.rendering.static_url versions a URL, so that the static files serve them as immutable.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "..", "server", "web", "static", "vendor");
const files = [
  ["cytoscape/dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape/LICENSE", "cytoscape.LICENSE.txt"],
  ["react/umd/react.production.min.js", "react.production.min.js"],
  ["react/LICENSE", "react.LICENSE.txt"],
  ["react-dom/umd/react-dom.production.min.js", "react-dom.production.min.js"],
  ["react-dom/LICENSE", "react-dom.LICENSE.txt"],
  ["graphiql/graphiql.min.js", "graphiql.min.js"],
  ["graphiql/LICENSE", "graphiql.LICENSE.txt"],
];
const FONTS = "graphiql-fonts";
const DATA_FONT = /url\(data:font\/(woff2?);base64,([A-Za-z0-9+/=]+)\)/g;

function digest(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 12);
}

function graphiqlStylesheet() {
  rmSync(join(vendor, FONTS), { recursive: true, force: true });
  mkdirSync(join(vendor, FONTS));
  const fonts = new Set();
  const css = readFileSync(join(modules, "graphiql", "graphiql.min.css"), "utf8").replace(
    DATA_FONT,
    (_, type, base64) => {
      const bytes = Buffer.from(base64, "base64");
      const name = `${digest(bytes)}.${type}`;
      if (!fonts.has(name)) {
        writeFileSync(join(vendor, FONTS, name), bytes);
        fonts.add(name);
      }
      return `url(${FONTS}/${name}?v=${name.split(".")[0]})`;
    },
  );
  if (css.includes("url(data:font/")) {
    throw new Error("graphiql.min.css still holds a data: font the pattern missed");
  }
  writeFileSync(join(vendor, "graphiql.min.css"), css);
  return fonts.size;
}

mkdirSync(vendor, { recursive: true });
for (const [from, to] of files) {
  copyFileSync(join(modules, from), join(vendor, to));
}
const fonts = graphiqlStylesheet();
console.log(`web assets: ${files.length + 1} files and ${fonts} GraphiQL fonts in ${vendor}`);
