import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toString as qrCodeSvg } from 'qrcode';
import { DataSource } from 'typeorm';
import type { User } from '@candor/db';
import { hashToken, seal, unseal } from '@candor/domain-node';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { RecoveryCodesRepository } from './recovery-codes.repository';
import { UsersRepository } from './users.repository';

export const RECOVERY_CODE_COUNT = 10;

export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

/** One recovery code: ten random characters in two groups, easy to copy from a printout. */
const newRecoveryCode = () => {
  const raw = randomBytes(8).toString('hex').slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
};
const normalise = (code: string) =>
  code
    .trim()
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '');

/** TOTP (otplib) with a QR code for the app, and ten single-use recovery codes, stored hashed. */
@Injectable()
export class TwoFactorService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly users: UsersRepository,
    private readonly recoveryCodes: RecoveryCodesRepository,
  ) {}

  /** A new secret, kept pending until a code from the app proves it was scanned. */
  async setup(userId: string): Promise<TwoFactorSetup> {
    const user = await this.users.get(this.db, userId);
    if (user.totpEnabledAt) throw new ConflictException('Two-factor is already on; turn it off first to set up a new app');
    const secret = generateSecret();
    await this.users.update(this.db, userId, { totpSecret: seal(secret, this.config.DATA_ENCRYPTION_KEY) });
    const otpauthUri = generateURI({ issuer: 'Candor', label: user.email, secret });
    // SVG, not PNG: the same code at any size, and no PNG filtering and deflate (~20 ms of CPU per call) in the request.
    const svg = await qrCodeSvg(otpauthUri, { type: 'svg', margin: 1 });
    return { secret, otpauthUri, qrCodeDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
  }

  /** Turns two-factor on with a first code from the app; answers the ten recovery codes, shown once. */
  async enable(userId: string, code: string): Promise<string[]> {
    const user = await this.withSecret(userId);
    if (user.totpEnabledAt) throw new ConflictException('Two-factor is already on');
    if (!user.totpSecret) throw new BadRequestException('Set up two-factor first: scan the QR code, then enter a code');
    const step = await this.totpStep(user.totpSecret, code);
    if (step === null) throw new BadRequestException('That code is not right; check the time on your phone and try the next one');
    await this.spendStep(userId, step);
    await this.users.update(this.db, userId, { totpEnabledAt: new Date() });
    return this.newRecoveryCodes(userId);
  }

  async disable(userId: string, currentPassword: string): Promise<void> {
    const user = await this.users.withSecrets(this.db, userId, { password: true });
    if (!(await argon2.verify(user.passwordHash, currentPassword)))
      throw new BadRequestException('currentPassword is not your current password');
    await this.users.update(this.db, userId, { totpSecret: null, totpEnabledAt: null });
    await this.recoveryCodes.removeAll(this.db, userId);
  }

  async status(userId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
    const user = await this.users.get(this.db, userId);
    const left = await this.recoveryCodes.unusedCount(this.db, userId);
    return { enabled: Boolean(user.totpEnabledAt), recoveryCodesLeft: user.totpEnabledAt ? left : 0 };
  }

  async isOn(userId: string): Promise<boolean> {
    return Boolean((await this.users.get(this.db, userId)).totpEnabledAt);
  }

  /** Checks a second factor: a current TOTP code, or an unused recovery code (then spent). */
  async check(userId: string, factor: { code?: string; recoveryCode?: string }): Promise<boolean> {
    if (factor.code) {
      const user = await this.withSecret(userId);
      const step = user.totpEnabledAt && user.totpSecret ? await this.totpStep(user.totpSecret, factor.code) : null;
      if (step === null) return false;
      await this.spendStep(userId, step);
      return true;
    }
    if (factor.recoveryCode) {
      const hash = hashToken(normalise(factor.recoveryCode));
      return this.recoveryCodes.spend(this.db, userId, hash);
    }
    return false;
  }

  private async newRecoveryCodes(userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.recoveryCodes.replace(
      this.db,
      userId,
      codes.map((code) => hashToken(normalise(code))),
    );
    return codes;
  }

  private withSecret(userId: string): Promise<User> {
    return this.users.withSecrets(this.db, userId, { totp: true });
  }

  /** The time step a code belongs to, one 30-second step either side for a phone whose clock is a little off; null if wrong. */
  private async totpStep(sealedSecret: string, code: string): Promise<number | null> {
    const secret = unseal(sealedSecret, this.config.DATA_ENCRYPTION_KEY);
    const result = await verify({ secret, token: code, epochTolerance: 30 });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  /**
   * A code is good once: its step is recorded only if it is later than the last one accepted, in one
   * atomic UPDATE, so two sign-ins racing with the same code cannot both pass.
   */
  private async spendStep(userId: string, step: number): Promise<void> {
    if (!(await this.users.spendTotpStep(this.db, userId, step)))
      throw new BadRequestException('This code was already used; wait for the next code your app shows');
  }

  /** No tenant owns a user's second factor. */
  private get db() {
    return this.dataSource.manager;
  }
}
