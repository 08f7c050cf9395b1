// A load generator in its own process, so that it does not share the server's one JavaScript
// thread: `node bench/load-client.mjs <url> <cookie> <connections> <seconds>` prints one JSON
// line with every percentile computed from each response's own time.
import autocannon from 'autocannon';

const [url, cookie, connections, seconds] = process.argv.slice(2);
const times = [];
let non2xx = 0;
const result = await new Promise((resolve, reject) => {
  const instance = autocannon(
    { url, connections: Number(connections), duration: Number(seconds), headers: { cookie } },
    (error, done) => (error ? reject(error) : resolve(done)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    times.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) non2xx += 1;
  });
});
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: times.length,
    non2xx,
    errors: result.errors,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    rps: result.requests.average,
  }),
);
