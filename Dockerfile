# syntax=docker/dockerfile:1
# The product's image: the API (default command) and the indexer's scheduled
# jobs with its credential intake service (`indexer/cli.ts schedule --intake`;
# docker-compose.yml runs both from it). Multi-stage: dependencies are
# installed once, the server and web code are type-checked and the web app is
# built, then development dependencies are pruned and only what runs is
# copied into a slim image that runs as the unprivileged `node` user (uid 1000).
# The server runs its TypeScript sources with tsx (a production dependency).

ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# Fails the build on a type error in the server, the indexer or the web app.
RUN npm run typecheck \
 && npm run check:web \
 && npm run build:web \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    TALENT_CACHE_DIR=/var/lib/talent
WORKDIR /app
# Code and dependencies stay owned by root (read-only for the process); only the cache folder is writable.
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/mappings ./mappings
COPY --from=build /app/api ./api
COPY --from=build /app/indexer ./indexer
COPY --from=build /app/web/build ./web/build
RUN mkdir -p /var/lib/talent && chown 1000:1000 /var/lib/talent
# The image's `node` user.
USER 1000:1000
EXPOSE 3000
# /ready: the engine answers and every index exists (503 otherwise). Node's own fetch: no curl in the slim image.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# tsx relays SIGTERM to the server, which finishes requests in flight and exits within 10 s.
CMD ["node_modules/.bin/tsx", "api/main.ts"]
