import type { Basis, Category, Classification, FollowUpKind, Means, NotificationStatus, RiskDecision } from './types.ts';

/**
 * The values of each choice, in the order the forms offer them. Written as records so that a
 * value added on the server fails the type check here until it is offered (and translated).
 */
const keys = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

export const categories = keys<Category>({
  policy_regulation_standard: true,
  monitoring_result: true,
  recall_special_action: true,
  major_incident: true,
  investigation_conclusion: true,
});
export const classifications = keys<Classification>({ alert: true, follow_up: true, attention: true, news: true });
export const riskDecisions = keys<RiskDecision>({ serious: true, not_serious: true, undecided: true });
export const bases = keys<Basis>({
  official_control: true,
  border_control: true,
  monitoring_programme: true,
  consumer_complaint: true,
  own_check: true,
  food_poisoning: true,
  media_report: true,
});
export const statuses = keys<NotificationStatus>({ draft: true, submitted: true, returned: true, sent: true, acknowledged: true, closed: true, withdrawn: true });
export const followUpKinds = keys<FollowUpKind>({ additional_information: true, measures_taken: true, request_for_information: true, reclassification: true });
export const meansOfInforming = keys<Means>({ email: true, fax: true, phone: true, letter: true, meeting: true, system: true });

export const classificationColor: Record<string, string> = { alert: 'red', follow_up: 'orange', attention: 'blue', news: 'gray' };
export const statusColor: Record<string, string> = {
  draft: 'gray',
  submitted: 'yellow',
  returned: 'orange',
  sent: 'blue',
  acknowledged: 'teal',
  closed: 'dark',
  withdrawn: 'red',
};
