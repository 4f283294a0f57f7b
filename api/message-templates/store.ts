/** The message-templates index: one document per employer account, read by id and written with optimistic concurrency. */
import type { Client } from '@elastic/elasticsearch';
import { aliasName } from '../../mappings/indices.ts';
import type { MessageTemplatesDocument } from '../../mappings/message-templates.ts';
import type { Logger } from '../log.ts';
import { engineGuard, isConflict } from '../stores/guard.ts';
import { getVersioned, replaceIfUnchanged, type Versioned } from '../stores/versioned.ts';

export interface MessageTemplateStore {
  /** The employer's templates with the version they were read at; undefined before their first template. */
  get(employerAccountId: string): Promise<Versioned<MessageTemplatesDocument> | undefined>;
  /** Writes the employer's templates if nobody wrote them since `read` (or, without `read`, if none were stored); false otherwise. */
  write(doc: MessageTemplatesDocument, read: Versioned<MessageTemplatesDocument> | undefined): Promise<boolean>;
}

export function createMessageTemplateStore(client: Client, indexPrefix: string, log: Logger): MessageTemplateStore {
  const index = aliasName(indexPrefix, 'message-templates');
  const guard = engineGuard(log);
  return {
    get: (employerAccountId) => guard(() => getVersioned<MessageTemplatesDocument>(client, index, employerAccountId)),
    write: (doc, read) =>
      guard(async () => {
        // Read back by id only (a realtime get), so writes need not wait for a refresh.
        if (read) return replaceIfUnchanged(client, index, doc.employerAccountId, read, doc);
        try {
          await client.create({ index, id: doc.employerAccountId, document: doc });
          return true;
        } catch (error) {
          if (isConflict(error)) return false;
          throw error;
        }
      }),
  };
}
