// A small, neutral Mezon-like server written from PROTOCOL.md, for the JS-vs-Java benchmark
// (JsVsJava): the same server for both SDKs, and not the project's own test server.
// It speaks only what the benchmark needs: the id-token sign-in (§2), CreateChannelDesc for a DM
// (§2), and on the socket (§4) channel_join, channel_message_send (ack to the sender, push of a
// channel_message to every other connection that joined the channel, as Mezon does) and ping.
// The cid comes back in the encoding each frame used (int32 or the legacy string).
//
// Usage: node neutral-server.cjs [--deflate]
//   --deflate  accept permessage-deflate when a client offers it and compress every frame
//              (threshold 0, as Tomcat does once it is negotiated); off by default.
// Prints "Mezon neutral server listening on http://127.0.0.1:PORT" once it listens; binds a free
// loopback port; stops when its standard input closes (so it never outlives the harness).
'use strict';

const http = require('node:http');
const protobuf = require('protobufjs');
const { WebSocketServer } = require('ws');

const deflate = process.argv.includes('--deflate');

// --- protobuf schema (PROTOCOL.md §5; only the fields used here; unknown fields are skipped) ---
function schema(cidType) {
  const i64 = 'int64';
  return {
    nested: {
      MessageAttachment: { fields: {
        filename: { id: 1, type: 'string' }, size: { id: 2, type: 'int32' }, url: { id: 3, type: 'string' },
        filetype: { id: 4, type: 'string' }, width: { id: 5, type: 'int32' }, height: { id: 6, type: 'int32' } } },
      MessageAttachmentList: { fields: { attachments: { id: 1, rule: 'repeated', type: 'MessageAttachment' } } },
      ChannelMessage: { fields: {
        clan_id: { id: 1, type: i64 }, channel_id: { id: 2, type: i64 }, message_id: { id: 3, type: i64 },
        code: { id: 4, type: 'int32' }, sender_id: { id: 5, type: i64 }, username: { id: 6, type: 'string' },
        content: { id: 8, type: 'string' }, channel_label: { id: 9, type: 'string' },
        display_name: { id: 12, type: 'string' }, attachments: { id: 17, type: 'bytes' },
        create_time_seconds: { id: 20, type: 'uint32' }, update_time_seconds: { id: 21, type: 'uint32' },
        mode: { id: 22, type: 'int32' }, is_public: { id: 24, type: 'bool' } } },
      Channel: { fields: { id: { id: 1, type: i64 }, chanel_label: { id: 4, type: 'string' } } },
      ChannelJoin: { fields: {
        clan_id: { id: 1, type: i64 }, channel_id: { id: 2, type: i64 }, channel_type: { id: 3, type: 'int32' },
        is_public: { id: 4, type: 'bool' } } },
      ChannelMessageAck: { fields: {
        channel_id: { id: 1, type: i64 }, message_id: { id: 2, type: i64 }, code: { id: 3, type: 'int32' },
        username: { id: 4, type: 'string' }, create_time_seconds: { id: 5, type: 'uint32' },
        update_time_seconds: { id: 6, type: 'uint32' } } },
      ChannelMessageSend: { fields: {
        clan_id: { id: 1, type: i64 }, channel_id: { id: 2, type: i64 }, content: { id: 3, type: 'string' },
        attachments: { id: 5, rule: 'repeated', type: 'MessageAttachment' }, mode: { id: 7, type: 'int32' },
        is_public: { id: 11, type: 'bool' }, code: { id: 12, type: 'int32' } } },
      Error: { fields: { code: { id: 1, type: 'int32' }, message: { id: 2, type: 'string' } } },
      Empty: { fields: {} },
      Envelope: {
        oneofs: { message: { oneof: ['channel', 'channel_join', 'channel_leave', 'channel_message',
          'channel_message_ack', 'channel_message_send', 'error', 'ping', 'pong'] } },
        fields: {
          cid: { id: 1, type: cidType },
          channel: { id: 2, type: 'Channel' }, channel_join: { id: 4, type: 'ChannelJoin' },
          channel_leave: { id: 5, type: 'ChannelJoin' }, channel_message: { id: 6, type: 'ChannelMessage' },
          channel_message_ack: { id: 7, type: 'ChannelMessageAck' },
          channel_message_send: { id: 8, type: 'ChannelMessageSend' }, error: { id: 12, type: 'Error' },
          ping: { id: 22, type: 'Empty' }, pong: { id: 23, type: 'Empty' } } },
      CreateChannelDescRequest: { fields: {
        type: { id: 5, type: 'int32' }, channel_label: { id: 6, type: 'string' },
        channel_private: { id: 7, type: 'int32' }, user_ids: { id: 8, rule: 'repeated', type: i64 } } },
      ChannelDescription: { fields: {
        channel_id: { id: 3, type: i64 }, type: { id: 6, type: 'int32' }, creator_id: { id: 7, type: i64 },
        channel_label: { id: 8, type: 'string' }, channel_private: { id: 9, type: 'int32' },
        user_ids: { id: 11, rule: 'repeated', type: i64 } } },
    },
  };
}
const current = protobuf.Root.fromJSON(schema('int32'));
const legacy = protobuf.Root.fromJSON(schema('string'));
const EnvelopeInt = current.lookupType('Envelope');
const EnvelopeString = legacy.lookupType('Envelope');
const AttachmentList = current.lookupType('MessageAttachmentList');
const CreateChannelDescRequest = current.lookupType('CreateChannelDescRequest');
const ChannelDescription = current.lookupType('ChannelDescription');

// --- ids, users, tokens (§3: unsigned JWTs the clients only decode) ---
let lastId = 1000000n;
function nextId() {
  lastId += 1n;
  return lastId.toString();
}
const usersById = new Map(); // user id -> username
function b64url(text) {
  return Buffer.from(text).toString('base64url');
}
function jwt(userId, username, lifetimeSeconds) {
  const exp = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  return b64url('{"alg":"none","typ":"JWT"}') + '.'
    + b64url(JSON.stringify({ uid: userId, usn: username, exp, vrs: {} })) + '.sig';
}
function userOf(token) {
  try {
    const payload = JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString());
    return (payload.exp > Date.now() / 1000 && usersById.has(String(payload.uid))) ? String(payload.uid) : null;
  } catch (e) {
    return null;
  }
}

// --- REST ---
function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (c) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
const channels = new Map(); // channel id -> Set of connections that joined it

// Answers one REST call: { status, type, body }.
function rest(method, url, headers, body) {
  const base = 'http://127.0.0.1:' + server.address().port;
  if (method === 'POST' && url === '/v2/account/authenticate/idtoken') {
    const json = JSON.parse(body.toString('utf8'));
    if (!json.id_token) {
      return { status: 401 };
    }
    const userId = json.user_id ? String(json.user_id) : nextId();
    usersById.set(userId, json.username || ('user' + userId));
    return { status: 200, type: 'application/json', body: Buffer.from(JSON.stringify({
      token: jwt(userId, usersById.get(userId), 86400), refresh_token: jwt(userId, usersById.get(userId), 30 * 86400),
      api_url: base, ws_url: base.replace('http', 'ws'), user_id: userId })) };
  }
  if (method === 'POST' && url === '/mezon.api.Mezon/CreateChannelDesc') {
    const auth = headers.authorization || '';
    const creator = userOf(auth.startsWith('Bearer ') ? auth.substring(7) : '');
    if (!creator) {
      return { status: 401 };
    }
    const req = CreateChannelDescRequest.toObject(CreateChannelDescRequest.decode(body), { longs: String });
    const id = nextId();
    channels.set(id, new Set());
    const desc = ChannelDescription.encode({ channel_id: id, type: req.type || 3, creator_id: creator,
      channel_label: req.channel_label || '', channel_private: 1, user_ids: req.user_ids || [] }).finish();
    return { status: 200, type: 'application/proto', body: Buffer.from(desc) };
  }
  return { status: 404 };
}

function answer(request, body) {
  try {
    return rest(request.method, request.url, request.headers, body);
  } catch (e) {
    return { status: 400, type: 'text/plain', body: Buffer.from(String(e)) };
  }
}

const server = http.createServer(async (request, response) => {
  const reply = answer(request, await readBody(request));
  response.writeHead(reply.status, reply.type ? { 'content-type': reply.type } : {});
  response.end(reply.body);
});

// --- socket ---
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: deflate ? { threshold: 0 } : false });
server.on('upgrade', (request, socket, head) => {
  if (String(request.headers.upgrade).toLowerCase() !== 'websocket') {
    // Node hands every request with an Upgrade header here, e.g. the JDK HttpClient's h2c offer:
    // answer it as plain HTTP/1.1, ignoring the offer.
    plainHttp(request, socket, head);
    return;
  }
  const url = new URL(request.url, 'http://127.0.0.1');
  const userId = url.pathname === '/ws' ? userOf(url.searchParams.get('token')) : null;
  if (!userId) {
    socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
    return;
  }
  wss.handleUpgrade(request, socket, head, (ws) => serve(ws, userId));
});

function plainHttp(request, socket, head) {
  const length = Number(request.headers['content-length'] || 0);
  let body = head;
  const done = () => {
    const reply = answer(request, body.subarray(0, length));
    const payload = reply.body || Buffer.alloc(0);
    socket.end(Buffer.concat([Buffer.from('HTTP/1.1 ' + reply.status + ' ' + (http.STATUS_CODES[reply.status] || '')
      + '\r\n' + (reply.type ? 'Content-Type: ' + reply.type + '\r\n' : '') + 'Content-Length: ' + payload.length
      + '\r\nConnection: close\r\n\r\n'), payload]));
  };
  if (body.length >= length) {
    done();
    return;
  }
  socket.on('data', (chunk) => {
    body = Buffer.concat([body, chunk]);
    if (body.length >= length) {
      socket.removeAllListeners('data');
      done();
    }
  });
}

function serve(ws, userId) {
  const username = usersById.get(userId);
  const joined = new Set();
  const connection = { ws, userId };
  ws.on('message', (data, isBinary) => {
    if (!isBinary || data.length === 0) {
      return;
    }
    // 0x0A: field 1 length-delimited, the legacy string cid of every published JS client.
    const type = data[0] === 0x0a ? EnvelopeString : EnvelopeInt;
    let envelope;
    try {
      envelope = type.decode(data);
    } catch (e) {
      ws.close(1002, 'not an Envelope');
      return;
    }
    const cid = envelope.cid;
    const reply = (fields) => ws.send(type.encode(Object.assign({ cid }, fields)).finish());
    if (envelope.channel_join) {
      const id = envelope.channel_join.channel_id.toString();
      const members = channels.get(id);
      if (!members) {
        reply({ error: { code: 4, message: 'channel not found' } });
        return;
      }
      members.add(connection);
      joined.add(id);
      reply({ channel: { id, chanel_label: '' } });
    } else if (envelope.channel_leave) {
      const id = envelope.channel_leave.channel_id.toString();
      const members = channels.get(id);
      if (members) {
        members.delete(connection);
      }
      joined.delete(id);
      reply({});
    } else if (envelope.channel_message_send) {
      const send = envelope.channel_message_send;
      const id = send.channel_id.toString();
      const members = channels.get(id);
      if (!members) {
        reply({ error: { code: 3, message: 'channel not found' } });
        return;
      }
      const now = Math.floor(Date.now() / 1000);
      const messageId = nextId();
      const message = { clan_id: 0, channel_id: id, message_id: messageId, code: send.code || 0, sender_id: userId,
        username, display_name: username, content: send.content, create_time_seconds: now,
        update_time_seconds: now, mode: send.mode, is_public: false };
      if (send.attachments && send.attachments.length > 0) {
        message.attachments = AttachmentList.encode({ attachments: send.attachments }).finish();
      }
      reply({ channel_message_ack: { channel_id: id, message_id: messageId, code: 0, username,
        create_time_seconds: now, update_time_seconds: now } });
      // One encoding per cid type: pushes carry no cid, so both encode the same bytes.
      const push = EnvelopeInt.encode({ channel_message: message }).finish();
      for (const member of members) {
        if (member !== connection) {
          member.ws.send(push);
        }
      }
    } else if (envelope.ping) {
      reply({ pong: {} });
    } else {
      reply({ error: { code: 1, message: 'unrecognized payload' } });
    }
  });
  ws.on('close', () => {
    for (const id of joined) {
      const members = channels.get(id);
      if (members) {
        members.delete(connection);
      }
    }
  });
}

server.listen(0, '127.0.0.1', () => {
  process.stdout.write('Mezon neutral server listening on http://127.0.0.1:' + server.address().port
    + (deflate ? ' (permessage-deflate on)' : '') + '\n');
});
// Bounded life: the harness holds our standard input; when it ends (or dies), so do we.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
