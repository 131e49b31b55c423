// Runs a bundled worker in workerd through Miniflare (Node 22+) and prints what it answers:
// `node run-worker.mjs <bundle.js> <compatibility flags, comma-separated or ""> <mock url> <session>`.
import { Miniflare } from 'miniflare';

const [scriptPath, flags, url, session] = process.argv.slice(2);
const mf = new Miniflare({
  modules: true,
  scriptPath,
  compatibilityDate: '2026-07-30',
  compatibilityFlags: flags ? flags.split(',') : [],
});
try {
  const answer = await mf.dispatchFetch(`http://worker/?${new URLSearchParams({ url, session })}`);
  const text = await answer.text();
  if (answer.status !== 200) throw new Error(`the worker answered ${answer.status}:\n${text}`);
  console.log(text);
} finally {
  await mf.dispose();
}
