# syntax=docker/dockerfile:1
# Tanbih: one image for every role (bot, worker, all). Sources run with tsx; tsc only type-checks.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (tsx is one: it runs the TypeScript sources).
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
# Sources, data (topic catalogue) and package.json; .dockerignore keeps tests, .env and .git out.
COPY --chown=node:node . .
USER node
EXPOSE 8080
# Every role serves /healthz: 503 when Redis, the queues or (bot roles) update polling are unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node runs behind an init (compose: init: true); SIGTERM stops the app in order.
# The role is the argument: --role all (default) | bot | worker.
ENTRYPOINT ["node", "--import", "tsx", "src/cli.ts", "start"]
CMD ["--role", "all"]
