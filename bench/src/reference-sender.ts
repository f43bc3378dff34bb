import { nodemailerReference, type RenderedEmail } from './email-reference';

/**
 * The fast email reference as a process of its own, as the worker is: run inside the bench it would share the
 * load generator's event loop, and the API's latency measured during its burst would include the generator's waits.
 * Asked `{ type: 'send', port, email, count }`, it answers `{ type: 'send', seconds }`.
 */
process.on('message', (message: { type?: string; port?: number; email?: RenderedEmail; count?: number }) => {
  if (message?.type !== 'send') return;
  nodemailerReference(message.port!, message.email!, message.count!).then(
    (seconds) => process.send?.({ type: 'send', seconds }),
    (error: Error) => process.send?.({ type: 'send', error: error.message }),
  );
});
process.on('SIGTERM', () => process.exit(0));
