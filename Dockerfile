# The web pages' browser assets (cytoscape, GraphiQL with React, the analyst console's Cypher editor) come from
# npm, built in a stage of their own; with the dev dependencies, as esbuild bundles the editor.
FROM node:20-slim AS assets
WORKDIR /app
COPY tools/web-assets ./tools/web-assets
RUN npm ci --prefix tools/web-assets --no-audit --no-fund && npm run --prefix tools/web-assets build

FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY graph ./graph
COPY schema ./schema
COPY server ./server
COPY seeds ./seeds
COPY data ./data
COPY --from=assets /app/server/web/static/vendor ./server/web/static/vendor
RUN pip install --no-cache-dir -e .
ENV MEDGRAPH_HOST=0.0.0.0 MEDGRAPH_PORT=8000 MEDGRAPH_DEV=false
EXPOSE 8000
CMD ["medgraph", "serve", "--load-if-empty"]
