import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DELIVERABLE_STATUSES, REVISION_REQUEST_STATUSES, VERSION_KINDS } from '@candor/domain';
import { ShownPersonResponse } from '../../disclosures/dto/disclosure.response';

export class RoundsResponse {
  @ApiProperty({ description: "the engagement's included revision rounds" }) included: number;
  @ApiProperty({ description: 'client revision requests on the engagement that count (corrections and declined requests do not)' })
  used: number;
  @ApiProperty() remaining: number;
}

export class DeliverableFileResponse {
  @ApiProperty() id: string;
  @ApiProperty() originalName: string;
  @ApiProperty({ description: 'decided from the bytes, not from what the uploader declared' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ example: '/api/v1/deliverables/…/files/…' }) downloadPath: string;
}

export class DeliverableVersionResponse {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: VERSION_KINDS }) kind: string;
  @ApiProperty() changeSummary: string;
  @ApiProperty({ type: String, nullable: true }) revisionRequestId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the disclosed error a correction fixes' }) disclosureId: string | null;
  @ApiProperty({ type: ShownPersonResponse, description: "the tenant's team for clients unless the tenant shows staff names" })
  deliveredBy: ShownPersonResponse;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [DeliverableFileResponse] }) files: DeliverableFileResponse[];
}

export class RevisionRequestResponse {
  @ApiProperty() id: string;
  @ApiProperty() deliverableId: string;
  @ApiProperty() versionId: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty() comment: string;
  @ApiProperty({ type: ShownPersonResponse }) requestedBy: ShownPersonResponse;
  @ApiProperty({ description: 'false once a correction of our own error fulfilled it' }) countsAsRound: boolean;
  @ApiProperty({ type: Number, nullable: true }) roundNumber: number | null;
  @ApiProperty({ description: 'beyond the included rounds: charged, once the team accepts it' }) billable: boolean;
  @ApiProperty({ enum: REVISION_REQUEST_STATUSES }) status: string;
  @ApiProperty({ type: Date, nullable: true }) acceptedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) declinedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({ type: Date, nullable: true }) fulfilledAt: Date | null;
  @ApiProperty() createdAt: Date;
}

/** What a client user sees: the work, its versions and files, the rounds; the team shown as the team. */
export class DeliverableClientResponse {
  @ApiProperty() id: string;
  @ApiProperty() engagementId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty() clientAccountId: string;
  @ApiProperty() clientName: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: DELIVERABLE_STATUSES }) status: string;
  @ApiProperty({ type: Date, nullable: true }) dueAt: Date | null;
  @ApiProperty({ description: 'past its due date without being delivered' }) late: boolean;
  @ApiProperty({ type: ShownPersonResponse, nullable: true }) assignee: ShownPersonResponse | null;
  @ApiProperty({ type: Date, nullable: true }) approvedAt: Date | null;
  @ApiProperty({ type: ShownPersonResponse, nullable: true }) approvedBy: ShownPersonResponse | null;
  @ApiProperty({ type: RoundsResponse }) rounds: RoundsResponse;
  @ApiProperty() versionCount: number;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ type: [DeliverableVersionResponse] }) versions?: DeliverableVersionResponse[];
  @ApiPropertyOptional({ type: [RevisionRequestResponse] }) revisionRequests?: RevisionRequestResponse[];
}

/** What the team sees besides: when the sweep marked it late and sent its notices. */
export class DeliverableStaffResponse extends DeliverableClientResponse {
  @ApiProperty({ type: Date, nullable: true }) lateAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) dueRemindedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) lateNotifiedAt: Date | null;
}
