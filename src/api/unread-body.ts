import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * When an answer is decided before the body was read to the end (a body over the limit; a CSV batch whose header
 * no row can be read with, a broken quote), the client is still sending. Left unread, the socket stalls and a client that finishes its
 * upload before reading the answer waits for ever; closing instead would reset the connection under the client's
 * writes, and the answer could be lost with it. So the rest is read and thrown away before answering, up to
 * `limitBytes`, past which the answer asks to close the connection.
 */
export async function discardUnread(req: FastifyRequest, reply: FastifyReply, limitBytes: number): Promise<void> {
  const raw = req.raw;
  if (raw.complete || raw.readableEnded || raw.destroyed) return;
  await new Promise<void>((resolve) => {
    let left = limitBytes;
    const done = (): void => {
      raw.off('data', onData);
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      left -= chunk.length;
      if (left >= 0) return;
      raw.pause();
      void reply.header('connection', 'close');
      done();
    };
    raw.on('data', onData);
    raw.once('end', done);
    raw.once('close', done);
    raw.once('error', done);
    raw.resume();
  });
}

