/**
 * Message templates: an employer's named contact-request messages, to fill
 * the contact dialog. Employer accounts only; each reads and changes only
 * their own (all of an employer's templates live in one document keyed by
 * their account id, so another employer's template id is simply not found).
 */
import { randomUUID } from 'node:crypto';
import type { MessageTemplate, MessageTemplatesDocument } from '../../mappings/message-templates.ts';
import { BadInputError } from '../errors.ts';
import type { MessageTemplateInput } from '../generated/resolvers-types.ts';
import type { Platform } from '../platform.ts';
import { requireContactSender } from '../services/access.ts';
import type { Viewer } from '../viewer.ts';
import { checkTemplateId, checkTemplateInput, TEMPLATE_LIMITS } from './input.ts';

export interface MessageTemplateServiceDependencies {
  platform: Platform;
  viewer: Viewer;
  now: () => Date;
}

const NOT_YOURS = 'No message template of yours has this id.';
/** Concurrent changes by the same employer (two tabs) are retried this often before giving up. */
const ATTEMPTS = 3;

const byName = (a: MessageTemplate, b: MessageTemplate) => a.name.localeCompare(b.name) || a.createdAt.localeCompare(b.createdAt);

export function createMessageTemplateService({ platform, viewer, now }: MessageTemplateServiceDependencies) {
  /**
   * Reads the employer's templates, applies `edit` and writes them back only if
   * nobody changed them meanwhile (else reads again): the limit and the unique
   * names are checked on the set that is written.
   */
  async function change<T>(edit: (templates: MessageTemplate[], at: string) => { templates: MessageTemplate[]; result: T }): Promise<T> {
    const accountId = requireContactSender(viewer);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const read = await platform.messageTemplates.get(accountId);
      const at = now().toISOString();
      const { templates, result } = edit(read?.doc.templates ?? [], at);
      const doc: MessageTemplatesDocument = { employerAccountId: accountId, templates, updatedAt: at };
      if (await platform.messageTemplates.write(doc, read)) return result;
    }
    throw new BadInputError('id', 'Your templates changed meanwhile; reload them and try again.');
  }

  function checkNameFree(templates: readonly MessageTemplate[], name: string, exceptId?: string): void {
    const taken = templates.find((t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new BadInputError('name', `you already have a template named "${taken.name}"; choose another name or edit that one`);
  }

  return {
    /** The employer's own templates, by name. */
    async messageTemplates(): Promise<MessageTemplate[]> {
      const accountId = requireContactSender(viewer);
      return [...((await platform.messageTemplates.get(accountId))?.doc.templates ?? [])].sort(byName);
    },

    /** Creates a template (no id) or changes one of the employer's own (with its id). */
    saveMessageTemplate(input: MessageTemplateInput): Promise<MessageTemplate> {
      requireContactSender(viewer);
      const { id, name, body } = checkTemplateInput(input);
      return change((templates, at) => {
        checkNameFree(templates, name, id);
        if (id) {
          const existing = templates.find((t) => t.id === id);
          if (!existing) throw new BadInputError('id', NOT_YOURS);
          const saved = { ...existing, name, body, updatedAt: at };
          return { templates: templates.map((t) => (t.id === id ? saved : t)), result: saved };
        }
        if (templates.length >= TEMPLATE_LIMITS.maxPerEmployer)
          throw new BadInputError('name', `you have ${TEMPLATE_LIMITS.maxPerEmployer} templates, the most allowed; delete one first`);
        const created: MessageTemplate = { id: randomUUID(), name, body, createdAt: at, updatedAt: at };
        return { templates: [...templates, created], result: created };
      });
    },

    deleteMessageTemplate(id: string): Promise<boolean> {
      requireContactSender(viewer);
      const checked = checkTemplateId(id);
      return change((templates) => {
        if (!templates.some((t) => t.id === checked)) throw new BadInputError('id', NOT_YOURS);
        return { templates: templates.filter((t) => t.id !== checked), result: true };
      });
    },
  };
}

export type MessageTemplateService = ReturnType<typeof createMessageTemplateService>;
