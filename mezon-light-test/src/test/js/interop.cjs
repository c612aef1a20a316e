// Drives the published mezon-light-sdk (TypeScript light SDK, legacy string cid) against the Java
// test server, for JsLightSdkInteropTests. Run with: node --experimental-websocket interop.cjs
//
// Input (environment): MEZON_TOKEN, MEZON_REFRESH_TOKEN, MEZON_API_URL, MEZON_USER_ID,
// MEZON_CHANNEL_ID. Output: one JSON object per line on stdout ("ready", "message", "ack",
// "done" or "error"); the Java test reads them.
'use strict';

// The SDK's error paths reference `window` (written for browsers); make them safe in Node.
globalThis.window = globalThis.window || globalThis;

const { LightClient, LightSocket } = require('mezon-light-sdk');

function emit(event, data) {
  process.stdout.write(JSON.stringify({ event, ...data }) + '\n');
}

function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error('missing environment variable ' + name);
  }
  return value;
}

async function main() {
  const channelId = env('MEZON_CHANNEL_ID');
  // api_url http://127.0.0.1:PORT makes the SDK open ws://127.0.0.1:PORT/ws?...&token=...
  const client = LightClient.initClient({
    token: env('MEZON_TOKEN'),
    refresh_token: env('MEZON_REFRESH_TOKEN'),
    api_url: env('MEZON_API_URL'),
    user_id: env('MEZON_USER_ID'),
  });
  const socket = new LightSocket(client, client.session);
  const firstMessage = new Promise((resolve) => {
    socket.onChannelMessage((message) => resolve(message));
  });
  await socket.connect({ onError: (error) => emit('socket-error', { error: String(error) }) });
  await socket.joinDMChannel(channelId);
  emit('ready', {});

  const message = await firstMessage;
  emit('message', {
    channelId: String(message.channel_id),
    senderId: String(message.sender_id),
    username: message.username,
    text: message.content && message.content.t,
    attachments: (message.attachments || []).map((a) => ({
      url: a.url, filename: a.filename, filetype: a.filetype, size: a.size, width: a.width, height: a.height,
    })),
  });

  const ack = await socket.sendDM({
    channelId,
    content: { t: 'hello from the TypeScript SDK' },
    attachments: [{
      filename: 'js.png', url: 'https://cdn.example/js.png', filetype: 'image/png', size: 2048, width: 32, height: 16,
    }],
  });
  emit('ack', { ack: ack === undefined ? null : String(ack) });
  socket.disconnect();
  emit('done', {});
}

main().then(
  () => process.exit(0),
  (error) => {
    emit('error', { error: String(error && error.stack || error) });
    process.exit(1);
  });
