# syntax=docker/dockerfile:1
# Candor web image (Vite + React SPA served by nginx, /api and /health proxied to api:3000).
# Build from the repo root:
#   docker build -f docker/web.Dockerfile -t candor-web .
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

# ---- runtime: static files + reverse proxy
FROM nginx:1.27-alpine AS runtime
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/apps/web/dist/ /usr/share/nginx/html/
EXPOSE 80
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]
