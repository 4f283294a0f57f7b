/** The employer's message templates: load, save (create or edit) and delete; the contact dialog fills its message from one. */
import { request } from './api';
import { ApiError, messageOf } from './errors';
import { ListLoader } from './list-loader.svelte';
import {
  DeleteMessageTemplateDocument,
  MessageTemplatesDocument,
  SaveMessageTemplateDocument,
  type MessageTemplatesQuery,
} from './graphql/generated';

export type MessageTemplate = MessageTemplatesQuery['messageTemplates'][number];

/** The API's limits (api/message-templates/input.ts), so the form can count characters. */
export const TEMPLATE_NAME_MAX = 80;
export const TEMPLATE_BODY_MAX = 2000;

export class MessageTemplatesStore extends ListLoader<MessageTemplate> {
  /** The field a refused save named (`name`, `body`), to show the error next to it. */
  errorField = $state<string | null>(null);
  /** What the last change did, for the polite live region. */
  done = $state<string | null>(null);

  constructor() {
    super(async () => (await request(MessageTemplatesDocument)).messageTemplates);
  }

  get templates(): MessageTemplate[] {
    return this.items;
  }

  private async run(work: () => Promise<string>): Promise<boolean> {
    this.error = null;
    this.errorField = null;
    this.done = null;
    try {
      this.done = await work();
      return true;
    } catch (error) {
      this.error = messageOf(error);
      this.errorField = error instanceof ApiError ? (error.field ?? null) : null;
      return false;
    }
  }

  /** Creates a template (no id) or changes one; the list stays sorted by name as the API sorts it. */
  save(input: { id?: string; name: string; body: string }): Promise<boolean> {
    return this.run(async () => {
      const saved = (await request(SaveMessageTemplateDocument, { input })).saveMessageTemplate;
      const others = this.items.filter((t) => t.id !== saved.id);
      this.items = [...others, saved].sort((a, b) => a.name.localeCompare(b.name));
      return input.id ? `Saved the template ${saved.name}.` : `Created the template ${saved.name}.`;
    });
  }

  remove(template: MessageTemplate): Promise<boolean> {
    return this.run(async () => {
      await request(DeleteMessageTemplateDocument, { id: template.id });
      this.items = this.items.filter((t) => t.id !== template.id);
      return `Deleted the template ${template.name}.`;
    });
  }
}
