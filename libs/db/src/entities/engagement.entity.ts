import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type EngagementStatus = 'active' | 'paused' | 'completed';

/** How the assistant and the client agreed to work together; shown to both sides. */
export interface WorkingAgreement {
  expectations?: string;
  communication?: string;
  responseTimes?: string;
  informationNeeded?: string;
}

@Entity({ name: 'engagements' })
export class Engagement {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'client_account_id' }) clientAccountId: string;
  @Column('text') name: string;
  @Column('text', { nullable: true }) description: string | null;
  @Column('text') status: EngagementStatus;
  @Column('char', { length: 3 }) currency: string;
  @Column('int', { name: 'included_revision_rounds' }) includedRevisionRounds: number;
  @Column('date', { nullable: true }) deadline: string | null;
  /** numeric: kept as a decimal string, never a float. */
  @Column('numeric', { name: 'retainer_hours_per_month', nullable: true }) retainerHoursPerMonth: string | null;
  /** The retainer's fee per month and the price of one billable revision round (invoices). */
  @Column('numeric', { name: 'retainer_monthly_fee', nullable: true }) retainerMonthlyFee: string | null;
  @Column('numeric', { name: 'revision_round_price', nullable: true }) revisionRoundPrice: string | null;
  @Column('jsonb', { name: 'working_agreement' }) workingAgreement: WorkingAgreement;
  @Column('text', { name: 'confidentiality_terms', nullable: true }) confidentialityTerms: string | null;
  @Column('uuid', { name: 'confidentiality_accepted_by', nullable: true }) confidentialityAcceptedBy: string | null;
  @Column('timestamptz', { name: 'confidentiality_accepted_at', nullable: true }) confidentialityAcceptedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
