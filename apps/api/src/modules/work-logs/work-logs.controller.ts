import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy, ReadsOnly, SessionCheckedInTransaction } from '../../common/access.decorators';
import { SerializedAs } from '../../common/response-schema';
import { CreateCommentDto } from './dto/comment.dto';
import { CreateAdjustmentDto } from './dto/create-adjustment.dto';
import { CreateWorkLogDto } from './dto/create-work-log.dto';
import { ListWorkLogsQuery } from './dto/list-work-logs.query';
import { UpdateWorkLogDto } from './dto/update-work-log.dto';
import { CommentResponse, RevisionResponse, WorkLogPageResponse, WorkLogResponse } from './dto/work-log.response';
import { WorkLogCommentsService } from './work-log-comments.service';
import { WorkLogsService } from './work-logs.service';

@ApiTags('work-logs')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'unknown, or not visible to the caller' })
@SessionCheckedInTransaction()
@Controller('work-logs')
export class WorkLogsController {
  constructor(
    private readonly service: WorkLogsService,
    private readonly comments: WorkLogCommentsService,
  ) {}

  @Get()
  @ReadsOnly()
  @Policy('read', 'WorkLog')
  @ApiOperation({ summary: 'Time entries, newest first, a page at a time (keyset cursor); clients see their own account and no drafts' })
  @SerializedAs(WorkLogPageResponse)
  list(@CurrentActor() actor: Actor, @Query() query: ListWorkLogsQuery): Promise<WorkLogPageResponse> {
    return this.service.list(actor, query);
  }

  @Get(':id')
  @ReadsOnly()
  @Policy('read', 'WorkLog')
  @ApiOperation({ summary: 'One time entry' })
  @ApiOkResponse({ type: WorkLogResponse })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WorkLogResponse> {
    return this.service.get(actor, id);
  }

  @Post()
  @Policy('create', 'WorkLog')
  @ApiOperation({ summary: 'Log time by hand (start and end); refused when it overlaps another entry of yours' })
  @ApiCreatedResponse({ type: WorkLogResponse })
  @ApiBadRequestResponse({ description: 'end before start, over 24 hours, or in the future' })
  @ApiConflictResponse({ description: 'overlaps another entry (named in the message), or the week is locked' })
  @ApiNotFoundResponse({ description: "the engagement is unknown or outside the caller's scope (an assistant: not assigned to it)" })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWorkLogDto): Promise<WorkLogResponse> {
    return this.service.createManual(actor, dto);
  }

  @Patch(':id')
  @Policy('update', 'WorkLog')
  @ApiOperation({ summary: 'Change an entry; once submitted a reason is required and the change is kept in the trail' })
  @ApiOkResponse({ type: WorkLogResponse })
  @ApiConflictResponse({ description: 'the entry is locked (approved week): add an adjusting entry instead' })
  update(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateWorkLogDto): Promise<WorkLogResponse> {
    return this.service.update(actor, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Policy('delete', 'WorkLog')
  @ApiOperation({ summary: 'Delete a draft entry (or discard a running timer)' })
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'submitted entries are corrected, never deleted' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  @Post(':id/adjustments')
  @Policy('update', 'WorkLog')
  @ApiOperation({ summary: 'Correct a locked entry with a new adjusting entry of plus or minus some minutes, with a reason' })
  @ApiCreatedResponse({ type: WorkLogResponse })
  @ApiConflictResponse({ description: 'the entry is not locked: edit it with a reason instead' })
  adjust(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CreateAdjustmentDto): Promise<WorkLogResponse> {
    return this.service.adjust(actor, id, dto);
  }

  @Get(':id/trail')
  @Policy('read', 'WorkLog')
  @ApiOperation({ summary: 'Every change made to the entry after it was submitted: before, after, who, when and why' })
  @ApiOkResponse({ type: [RevisionResponse] })
  trail(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<RevisionResponse[]> {
    return this.service.trail(actor, id);
  }

  @Post(':id/dispute-reply')
  @HttpCode(200)
  @Policy('update', 'WorkLog')
  @ApiOperation({ summary: 'Answer a disputed entry without changing it; the entry goes back to the client for approval' })
  @ApiOkResponse({ type: WorkLogResponse })
  @ApiConflictResponse({ description: 'the entry is not disputed' })
  replyToDispute(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<WorkLogResponse> {
    return this.service.replyToDispute(actor, id, dto.body);
  }

  @Get(':id/comments')
  @Policy('read', 'Comment')
  @ApiOperation({ summary: 'The conversation on an entry (disputes, replies, remarks)' })
  @ApiOkResponse({ type: [CommentResponse] })
  listComments(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<CommentResponse[]> {
    return this.comments.list(actor, id);
  }

  @Post(':id/comments')
  @Policy('create', 'Comment')
  @ApiOperation({ summary: 'Comment on an entry; visible to the client' })
  @ApiCreatedResponse({ type: CommentResponse })
  addComment(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.add(actor, id, dto.body);
  }
}
