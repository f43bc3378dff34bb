// SMTP for local runs: SMTP_URL, else MailDev in this process, which catches every
// email and shows it in a web inbox (nothing ever leaves the machine).
import { createRequire } from 'node:module';
import { StartError } from './log.mjs';
import { assertPortFree, sleep } from './net.mjs';
import { withoutNewSignalHandlers } from './proc.mjs';

const require = createRequire(import.meta.url);

/** Starts MailDev on 127.0.0.1; returns { smtpUrl, inboxUrl, stop() }. */
export async function startMailDev({ smtpPort = 1025, webPort = 1080 } = {}) {
  // MailDev binds both ports without error handlers, so a busy port would crash
  // this whole script with an uncaught exception: check first.
  const hint = 'Free it, or point SMTP_URL at your own mail catcher.';
  await assertPortFree(smtpPort, '127.0.0.1', 'MailDev (SMTP)', hint);
  await assertPortFree(webPort, '127.0.0.1', 'MailDev (web inbox)', hint);

  const MailDev = require('maildev');
  const maildev = await withoutNewSignalHandlers(() => new MailDev({ smtp: smtpPort, web: webPort, ip: '127.0.0.1', silent: true }));
  try {
    await maildev.listen();
  } catch (err) {
    throw new StartError(`MailDev could not start: ${err.message}`, { cause: err });
  }

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl: `http://127.0.0.1:${webPort}`,
    maildev,
    // close() waits for open SMTP sessions; don't let a stuck one hold up shutdown.
    stop: () => Promise.race([new Promise((resolve) => maildev.close(() => resolve())), sleep(3000)]),
  };
}

/** Picks SMTP for this run; returns { env: { SMTP_URL }, description, inboxUrl?, stop }. */
export async function resolveSmtp(env, { smtpPort, webPort } = {}) {
  if (env.SMTP_URL) {
    return { env: { SMTP_URL: env.SMTP_URL }, description: 'external (SMTP_URL)', stop: async () => {} };
  }
  const mail = await startMailDev({ smtpPort, webPort });
  return {
    env: { SMTP_URL: mail.smtpUrl },
    description: `MailDev, SMTP ${mail.smtpUrl}, inbox ${mail.inboxUrl}`,
    inboxUrl: mail.inboxUrl,
    stop: mail.stop,
  };
}
