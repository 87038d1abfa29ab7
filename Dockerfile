# syntax=docker/dockerfile:1
# One image for the api, projector and mailer (docker-compose.yml picks the entry point of each).

# Build: every dependency (the compiler is a dev one), compile, then drop the dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run: only what the compiled apps need. Code stays root-owned (read-only for the app), the app runs
# as the unprivileged `node` user and may write only to its data directory.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
# register-paths.cjs maps the @portal/* aliases of tsconfig.json onto dist/ at run time.
COPY --from=build /app/tsconfig.json ./tsconfig.json
COPY --from=build /app/scripts/register-paths.cjs ./scripts/register-paths.cjs
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Default: everything in one process, like `npm start` (and with its node flags: one V8 worker
# thread keeps the embedded process's memory down; README, What the embedded mode needs).
CMD ["node", "--v8-pool-size=1", "-r", "./scripts/register-paths.cjs", "dist/apps/api/src/main.js", "--standalone"]
