/**
 * A TCP proxy on 127.0.0.1 in front of the real engine that can take the
 * engine away without touching it: `down()` stops listening and cuts every
 * connection (connection refused, as a stopped node), `pause()` keeps
 * accepting but never forwards a byte (requests time out, as a paused or
 * overloaded node), `up()` forwards again on the same port.
 */
import net from 'node:net';

export interface OutageProxy {
  url: string;
  down(): Promise<void>;
  pause(): void;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startOutageProxy(engineUrl: string): Promise<OutageProxy> {
  const target = new URL(engineUrl);
  let mode: 'up' | 'paused' | 'down' = 'up';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (mode !== 'up') return; // accepted, never answered
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const cutAll = () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    async down() {
      mode = 'down';
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      cutAll();
      await closed;
    },
    pause() {
      mode = 'paused';
      cutAll();
    },
    async up() {
      if (mode === 'down') await listen(port);
      mode = 'up';
    },
    async close() {
      mode = 'down';
      cutAll();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
