# syntax=docker/dockerfile:1
# Candor API image (NestJS on Fastify). Build from the repo root:
#   docker build -f docker/api.Dockerfile -t candor-api .
# The stages up to "build" are byte-identical in api/worker/web/demo-data.Dockerfile, so
# BuildKit builds the monorepo once and reuses the cached layers for all images.

# ---- base: glibc image (argon2 prebuilt binaries) + the npm that understands "allowScripts"
FROM node:20-bookworm-slim AS base
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    NX_DAEMON=false \
    NX_NO_CLOUD=true
RUN npm install -g npm@11.19.1

# ---- manifests: only package.json files + lockfile, so dependency layers stay cached
FROM base AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /out \
 && cp package.json package-lock.json /out/ \
 && for f in apps/*/package.json libs/*/package.json test/package.json; do \
      if [ -f "$f" ]; then cp --parents "$f" /out/; fi; \
    done

# ---- deps: full install (dev deps needed for nx/tsc/vite)
FROM base AS deps
WORKDIR /app
COPY --from=manifests /out/ ./
RUN --mount=type=cache,target=/root/.npm npm ci

# ---- build: compile every project (libs first via nx dependsOn ^build)
FROM deps AS build
COPY . .
RUN npx nx run-many -t build

# ---- prod-deps: production node_modules only (workspace links to libs/* included); the factories
# and the demo data are tests' and `npm start`'s, never a product image's (demo-data.Dockerfile has them)
FROM base AS prod-deps
WORKDIR /app
COPY --from=manifests /out/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev \
 && rm -rf libs/testing libs/demo-data node_modules/@candor/testing node_modules/@candor/demo-data

# ---- runtime
FROM base AS runtime
ENV NODE_ENV=production \
    API_PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/ ./
COPY --from=build /app/libs/domain/dist/ libs/domain/dist/
COPY --from=build /app/libs/domain-node/dist/ libs/domain-node/dist/
COPY --from=build /app/libs/db/dist/ libs/db/dist/
COPY --from=build /app/libs/queue-contracts/dist/ libs/queue-contracts/dist/
COPY --from=build /app/libs/email-templates/dist/ libs/email-templates/dist/
COPY --from=build /app/libs/email-templates/locales/ libs/email-templates/locales/
COPY --from=build /app/libs/invoice-documents/dist/ libs/invoice-documents/dist/
COPY --from=build /app/apps/api/dist/ apps/api/dist/
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.API_PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
