// The JS side of the JS-vs-Java benchmark (JsVsJava): drives the published mezon-light-sdk with
// two clients in this one Node process, a sender and a receiver joined to the same DM.
// Its Java twin is ai.mezon.light.benchmarks.SdkDriver; both speak the same line protocol:
//
// stdin line 1: JSON {"sender": session, "receiver": session, "channel": id, "text": text}
//   (session = {token, refresh_token, api_url, ws_url, user_id}; kept off the command line)
// then commands, one per line, each answered by one "result ..." line on stdout:
//   warm N            the sender sends N DMs pipelined (all sends issued at once, no waiting),
//                     until every ack and every message at the receiver is in
//   latency RATE N    N sends at RATE per second, open loop; send -> ack percentiles
//   quit
// With --cold N on the command line it connects, runs "warm N" once and exits (a cold burst).
//
// Run with: node --experimental-websocket sdk-driver.cjs [--cold N]
'use strict';

// The SDK's error paths reference `window` (written for browsers); make them safe in Node.
globalThis.window = globalThis.window || globalThis;

const { LightClient, LightSocket } = require('mezon-light-sdk');
const readline = require('node:readline');

function out(line) {
  process.stdout.write(line + '\n');
}

function cpuMicros() {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

async function connect(session, onMessage) {
  const client = LightClient.initClient(session);
  const socket = new LightSocket(client, client.session);
  if (onMessage) {
    socket.onChannelMessage(onMessage);
  }
  await socket.connect({ onError: (error) => process.stderr.write('socket error: ' + error + '\n') });
  return socket;
}

let received = 0;
let onReceived = () => {};

async function setUp(config) {
  const receiver = await connect(config.receiver, () => {
    received++;
    onReceived();
  });
  const sender = await connect(config.sender, null);
  await receiver.joinDMChannel(config.channel);
  await sender.joinDMChannel(config.channel);
  return { sender, receiver };
}

// Resolves once `count` more messages reached the receiver.
function receivedAll(count) {
  const target = received + count;
  return new Promise((resolve) => {
    if (received >= target) {
      resolve();
      return;
    }
    onReceived = () => {
      if (received >= target) {
        onReceived = () => {};
        resolve();
      }
    };
  });
}

async function warm(clients, config, count) {
  const allIn = receivedAll(count);
  const cpu0 = cpuMicros();
  const t0 = process.hrtime.bigint();
  const acks = new Array(count);
  for (let i = 0; i < count; i++) {
    acks[i] = clients.sender.sendDM({ channelId: config.channel, content: { t: config.text } });
  }
  await Promise.all(acks);
  const ackedAt = process.hrtime.bigint();
  await allIn;
  const t1 = process.hrtime.bigint();
  const seconds = Number(t1 - t0) / 1e9;
  return `n=${count} seconds=${seconds.toFixed(4)} rate=${(count / seconds).toFixed(0)}`
    + ` ackRate=${(count / (Number(ackedAt - t0) / 1e9)).toFixed(0)}`
    + ` cpuMicros=${((cpuMicros() - cpu0) / count).toFixed(2)}`;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
}

async function latency(clients, config, rate, count) {
  const allIn = receivedAll(count);
  const nanos = new Float64Array(count);
  const acks = [];
  const period = 1e9 / rate;
  const cpu0 = cpuMicros();
  const start = process.hrtime.bigint();
  let next = 0;
  await new Promise((resolve) => {
    // Timers fire at ~1 ms granularity: each tick sends every message already due (open loop).
    const tick = () => {
      const now = Number(process.hrtime.bigint() - start);
      while (next < count && next * period <= now) {
        const i = next++;
        const sent = process.hrtime.bigint();
        acks.push(clients.sender.sendDM({ channelId: config.channel, content: { t: config.text } })
          .then(() => { nanos[i] = Number(process.hrtime.bigint() - sent); }));
      }
      if (next < count) {
        setTimeout(tick, Math.max(0, (next * period - Number(process.hrtime.bigint() - start)) / 1e6));
      } else {
        resolve();
      }
    };
    tick();
  });
  await Promise.all(acks);
  await allIn;
  const cpu = (cpuMicros() - cpu0) / count;
  const sorted = Array.from(nanos).sort((a, b) => a - b);
  return `n=${count} p50=${(percentile(sorted, 50) / 1e3).toFixed(0)} p99=${(percentile(sorted, 99) / 1e3).toFixed(0)}`
    + ` p999=${(percentile(sorted, 99.9) / 1e3).toFixed(0)} max=${(sorted[count - 1] / 1e3).toFixed(0)}`
    + ` cpuMicros=${cpu.toFixed(2)}`;
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin });
  const iterator = lines[Symbol.asyncIterator]();
  const config = JSON.parse((await iterator.next()).value);
  const coldIndex = process.argv.indexOf('--cold');
  if (coldIndex >= 0) {
    const count = Number(process.argv[coldIndex + 1]);
    const clients = await setUp(config);
    const readyMillis = process.uptime() * 1000;
    const result = await warm(clients, config, count);
    const totalCpu = cpuMicros();
    out(`result cold ${result} startMillis=${readyMillis.toFixed(0)}`
      + ` processCpuMicros=${(totalCpu / count).toFixed(2)}`);
    clients.sender.disconnect();
    clients.receiver.disconnect();
    return;
  }
  const clients = await setUp(config);
  out('ready');
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      break;
    }
    const words = next.value.trim().split(/\s+/);
    if (words[0] === 'warm') {
      out('result warm ' + await warm(clients, config, Number(words[1])));
    } else if (words[0] === 'latency') {
      out('result latency ' + await latency(clients, config, Number(words[1]), Number(words[2])));
    } else if (words[0] === 'quit') {
      break;
    }
  }
  clients.sender.disconnect();
  clients.receiver.disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    out('error ' + String(error && error.stack || error).replace(/\n/g, ' | '));
    process.exit(1);
  });
