import { Body, Controller, Get, Inject, Param, ParseUUIDPipe, Patch, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { DeliverableVersionsService } from './deliverable-versions.service';
import { DeliverablesService, type DeliverableResponse } from './deliverables.service';
import { CreateDeliverableDto } from './dto/create-deliverable.dto';
import { DELIVER_VERSION_BODY } from './dto/deliver-version.dto';
import { DeliverableClientResponse, DeliverableStaffResponse } from './dto/deliverable.response';
import { ListDeliverablesQuery } from './dto/list-deliverables.query';
import { UpdateDeliverableDto } from './dto/update-deliverable.dto';
import { contentDisposition } from './storage/content-disposition.util';
import { readUpload } from './storage/read-upload.util';

/** Staff get DeliverableStaffResponse; client users get DeliverableClientResponse. */
export const DELIVERABLE_SCHEMA = {
  oneOf: [{ $ref: getSchemaPath(DeliverableStaffResponse) }, { $ref: getSchemaPath(DeliverableClientResponse) }],
};

@ApiTags('deliverables')
@ApiBearerAuth()
@ApiExtraModels(DeliverableStaffResponse, DeliverableClientResponse)
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller (another client, another tenant)' })
@Controller('deliverables')
export class DeliverablesController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly service: DeliverablesService,
    private readonly versions: DeliverableVersionsService,
  ) {}

  @Get()
  @Policy('read', 'Deliverable')
  @ApiOperation({ summary: 'Deliverables, soonest due first; clients see their own account, assistants their engagements' })
  @ApiOkResponse({ schema: { type: 'array', items: DELIVERABLE_SCHEMA } })
  list(@CurrentActor() actor: Actor, @Query() query: ListDeliverablesQuery): Promise<DeliverableResponse[]> {
    return this.service.list(actor, query);
  }

  @Post()
  @Policy('create', 'Deliverable')
  @ApiOperation({ summary: 'Plan a deliverable on an engagement: title, assignee, due date (staff)' })
  @ApiCreatedResponse({ type: DeliverableStaffResponse })
  @ApiBadRequestResponse({ description: 'no title, a bad date, an assignee who is not on the team' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDeliverableDto): Promise<DeliverableResponse> {
    return this.service.create(actor, dto);
  }

  @Get(':id')
  @Policy('read', 'Deliverable')
  @ApiOperation({ summary: 'One deliverable with its versions, files, revision requests and rounds, shaped for the caller' })
  @ApiOkResponse({ schema: DELIVERABLE_SCHEMA })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<DeliverableResponse> {
    return this.service.get(actor, id);
  }

  @Patch(':id')
  @Policy('update', 'Deliverable')
  @ApiOperation({ summary: 'Edit title, description, assignee or due date; a new due date re-arms its reminder (staff)' })
  @ApiOkResponse({ type: DeliverableStaffResponse })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateDeliverableDto,
  ): Promise<DeliverableResponse> {
    return this.service.update(actor, id, dto);
  }

  @Post(':id/versions')
  @Policy('read', 'Deliverable') // staff only, checked after the deliverable is found: another client's contact gets 404, not 403
  @ApiOperation({
    summary:
      'Deliver a version: 1..n files and a change summary (multipart); with disclosureId it corrects a disclosed error and never counts as a round (staff)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: DELIVER_VERSION_BODY })
  @ApiCreatedResponse({ type: DeliverableStaffResponse })
  @ApiBadRequestResponse({ description: 'no files, no change summary, or an unsafe file name (path, control characters, too long)' })
  @ApiPayloadTooLargeResponse({ description: 'a file over the size limit, or too many files' })
  @ApiUnsupportedMediaTypeResponse({
    description: 'a type not on the allow-list, or a name or declared type that disagrees with the bytes',
  })
  @ApiConflictResponse({ description: 'the deliverable waits for the client, or a billable request waits for the team' })
  deliver(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<DeliverableResponse> {
    const limits = { maxFileBytes: this.config.UPLOAD_MAX_FILE_BYTES, maxFiles: this.config.UPLOAD_MAX_FILES };
    return this.versions.deliver(actor, id, () => readUpload(request, limits));
  }

  @Get(':id/files/:fileId')
  @Policy('read', 'Deliverable')
  @ApiOperation({ summary: 'Download a file of a version, as an attachment with its stored type' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { file, stream } = await this.versions.open(actor, id, fileId);
    reply.header('Content-Type', file.contentType);
    reply.header('Content-Disposition', contentDisposition(file.originalName));
    reply.header('Content-Length', String(file.sizeBytes));
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Content-Security-Policy', "default-src 'none'; sandbox");
    reply.header('Cache-Control', 'private, no-store');
    return new StreamableFile(stream);
  }
}
