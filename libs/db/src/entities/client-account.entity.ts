import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'client_accounts' })
export class ClientAccount {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'billing_email', nullable: true }) billingEmail: string | null;
  @Column('text', { nullable: true }) notes: string | null;
  /** Billing details printed on invoices; tax as a percent (null: none) or reverse charge. */
  @Column('text', { name: 'billing_address', nullable: true }) billingAddress: string | null;
  @Column('text', { name: 'tax_id', nullable: true }) taxId: string | null;
  @Column('numeric', { name: 'tax_rate', nullable: true }) taxRate: string | null;
  @Column('boolean', { name: 'reverse_charge', default: false }) reverseCharge: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
