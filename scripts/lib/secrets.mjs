// Local-only secrets and defaults for the api/worker environment.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const GENERATED = ['JWT_SECRET', 'DATA_ENCRYPTION_KEY'];

/**
 * JWT_SECRET / DATA_ENCRYPTION_KEY from the environment, else from file, else
 * freshly generated and saved there. Persisting them keeps logins valid and
 * encrypted columns readable across restarts.
 */
export function resolveSecrets(env, file) {
  let saved = {};
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err.code !== 'ENOENT') throw new Error(`${file} is unreadable (${err.message}); delete it to regenerate.`);
  }

  const result = {};
  let changed = false;
  for (const name of GENERATED) {
    if (env[name]) {
      result[name] = env[name];
    } else {
      if (!saved[name]) {
        saved[name] = crypto.randomBytes(48).toString('base64url'); // 64 chars; the api wants >= 32
        changed = true;
      }
      result[name] = saved[name];
    }
  }
  if (changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  }
  return { env: result, created: changed };
}

/** Defaults for a local run; anything already in env wins. */
export function appDefaults(env) {
  const pick = (name, fallback) => env[name] || fallback;
  return {
    NODE_ENV: pick('NODE_ENV', 'development'),
    // Loopback only: the demo logins should not be reachable from the network.
    API_HOST: pick('API_HOST', '127.0.0.1'),
    API_PORT: pick('API_PORT', '3000'),
    WEB_URL: pick('WEB_URL', 'http://127.0.0.1:5173'),
    MAIL_FROM: pick('MAIL_FROM', 'Candor <no-reply@candor.local>'),
    // Quiet by default: warnings and errors only (LOG_LEVEL=info shows every request).
    LOG_LEVEL: pick('LOG_LEVEL', 'warn'),
  };
}
