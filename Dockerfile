# The bot as one image. Not built in this project's CI (no Docker engine there): kept simple.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bot ./bot
COPY handlers ./handlers
COPY models ./models
COPY locales ./locales
COPY campaign.json tsconfig.json ./
USER node
EXPOSE 8080
# SIGTERM stops it gracefully: no new updates, the ones in hand finished, outbox leases given back.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "bot/main.ts"]
