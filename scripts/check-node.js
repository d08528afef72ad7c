// Fails early with a clear message when the project's own Node.js 24 is not the one running.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(`ontomesh needs Node.js 24 (found ${process.version}); run "npm ci" first: it installs Node 24 into node_modules/.bin.`);
  process.exit(1);
}
