import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { BusMessage, ConsumeOptions, Handler, Subscription } from './port.ts';
import type { ResolvedConsume } from './validate.ts';

const decoder = new TextDecoder();
/** Ids the adapter invents for retry-safe publishes start with this; they are not the caller's, so not shown. */
export const AUTO_ID_PREFIX = '~';

/**
 * One subscription of a durable pull consumer: pulls in batches (`consume` keeps `batch` messages requested), runs
 * up to maxInFlight handlers at once, acks after the handler resolves, naks (or terms after the last delivery) when
 * it throws. The client library re-issues pulls after a reconnect; if the pull loop itself fails it is restarted.
 */
export function startPull(
  js: JetStreamClient,
  stream: string,
  cfg: ResolvedConsume,
  handler: Handler,
  onError: ConsumeOptions['onError'],
): Subscription {
  const running = new Set<Promise<void>>();
  let stopping = false;
  let messages: ConsumerMessages | undefined;
  let slotFreed: (() => void) | undefined;

  const handle = async (m: JsMsg): Promise<void> => {
    const id = m.headers?.get('Nats-Msg-Id');
    let data: unknown;
    try {
      data = JSON.parse(decoder.decode(m.data));
    } catch {
      data = undefined;
    }
    const msg: BusMessage = {
      subject: m.subject,
      data,
      ...(id && !id.startsWith(AUTO_ID_PREFIX) ? { msgId: id } : {}),
      seq: m.seq,
      deliveryCount: m.info.deliveryCount,
      redelivered: m.redelivered,
      working: () => m.working(),
    };
    try {
      if (data === undefined) throw new SyntaxError(`message ${m.seq} on ${m.subject} is not JSON`);
      await handler(msg);
      m.ack();
    } catch (error) {
      const willRetry = data !== undefined && msg.deliveryCount < cfg.maxDeliver;
      onError?.(error, msg, willRetry);
      if (willRetry) m.nak(cfg.retryDelayMs > 0 ? cfg.retryDelayMs : undefined);
      else m.term();
    }
  };

  const pullLoop = async (): Promise<void> => {
    while (!stopping) {
      try {
        const consumer = await js.consumers.get(stream, cfg.durable);
        if (stopping) return;
        messages = await consumer.consume({ max_messages: cfg.batch });
        for await (const m of messages) {
          while (!stopping && running.size >= cfg.maxInFlight) await new Promise<void>((r) => (slotFreed = r));
          // Pulled but not started: hand it back at once rather than after the ack wait.
          if (stopping) {
            m.nak();
            continue;
          }
          const p = handle(m).finally(() => {
            running.delete(p);
            const f = slotFreed;
            slotFreed = undefined;
            f?.();
          });
          running.add(p);
        }
      } catch (error) {
        if (stopping) return;
        process.emitWarning(`bus: pull loop of ${cfg.durable} failed, restarting: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
  const loop = pullLoop();

  let stopped: Promise<void> | undefined;
  return {
    durable: cfg.durable,
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        slotFreed?.();
        await messages?.close();
        await loop;
        await Promise.allSettled([...running]);
      })()),
  };
}
