import { relations } from 'drizzle-orm';
import { users } from '../accounts/schema.ts';
import { units } from '../directory/schema.ts';
import { meetings } from '../meetings/schema.ts';
import {
  attachments,
  disseminations,
  expertConsultations,
  customsRoutings,
  followUps,
  notificationEvents,
  notifications,
  readMarks,
} from '../notifications/schema.ts';

// What a notification's page loads with it, in one query (db.query.notifications). Declared
// here, beside no module, because they join tables of several modules (a meeting convened from
// a notification links back to it).

export const notificationRelations = relations(notifications, ({ one, many }) => ({
  sender: one(units, { fields: [notifications.senderUnitId], references: [units.id], relationName: 'sender' }),
  recipient: one(units, { fields: [notifications.recipientUnitId], references: [units.id], relationName: 'recipient' }),
  author: one(users, { fields: [notifications.authorId], references: [users.id], relationName: 'author' }),
  approver: one(users, { fields: [notifications.approverId], references: [users.id], relationName: 'approver' }),
  events: many(notificationEvents),
  followUps: many(followUps),
  disseminations: many(disseminations),
  expertConsultations: many(expertConsultations),
  customsRoutings: many(customsRoutings),
  attachments: many(attachments),
  readMarks: many(readMarks),
  meetings: many(meetings),
}));

export const notificationEventRelations = relations(notificationEvents, ({ one }) => ({ notification: one(notifications, { fields: [notificationEvents.notificationId], references: [notifications.id] }) }));

export const followUpRelations = relations(followUps, ({ one }) => ({ notification: one(notifications, { fields: [followUps.notificationId], references: [notifications.id] }) }));

export const disseminationRelations = relations(disseminations, ({ one }) => ({ notification: one(notifications, { fields: [disseminations.notificationId], references: [notifications.id] }) }));

export const expertConsultationRelations = relations(expertConsultations, ({ one }) => ({ notification: one(notifications, { fields: [expertConsultations.notificationId], references: [notifications.id] }) }));

export const customsRoutingRelations = relations(customsRoutings, ({ one }) => ({ notification: one(notifications, { fields: [customsRoutings.notificationId], references: [notifications.id] }) }));

export const attachmentRelations = relations(attachments, ({ one }) => ({ notification: one(notifications, { fields: [attachments.notificationId], references: [notifications.id] }) }));

export const readMarkRelations = relations(readMarks, ({ one }) => ({ notification: one(notifications, { fields: [readMarks.notificationId], references: [notifications.id] }) }));

/** A meeting convened from a notification (trigger kind 'notification'). */
export const meetingRelations = relations(meetings, ({ one }) => ({ notification: one(notifications, { fields: [meetings.triggerId], references: [notifications.id] }) }));
