// Preloaded (node --require) into tools that phone home: Electronegativity fetches its
// translations and Electron's release list from GitHub on every run. CI reaches no such host,
// and this project's checks talk to loopback only, so every other TCP connection is refused
// before it is made (no DNS lookup, no packet): the tool carries on with what it ships.
const net = require('node:net');

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function connectLoopbackOnly(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = first !== null && typeof first === 'object' ? first : { port: first, host: args[1] };
  const host = options.host ?? 'localhost';
  if (options.path === undefined && !LOOPBACK.has(host)) {
    const refused = Object.assign(new Error(`offline: no connection to ${host}`), { code: 'ECONNREFUSED' });
    process.nextTick(() => this.destroy(refused));
    return this;
  }
  return connect.apply(this, args);
};
