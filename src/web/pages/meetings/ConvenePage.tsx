import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useLocale, usePick } from '../../lib/localized.ts';
import { fieldErrors } from '../../lib/forms.ts';
import { useFormState } from '../../lib/useFormState.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useMe } from '../../session.ts';
import { notificationsApi } from '../notifications/lib/api.ts';
import { fromRegionInput, toRegionInput } from '../../lib/dates.ts';
import { useIdempotentMutation } from '../../lib/idempotency.ts';
import { meetingKinds } from './types.ts';
import { inReaderScript } from '../../lib/shownScript.ts';
import type { NotificationDetail } from '../notifications/lib/types.ts';
import type { MeetingKind } from './types.ts';
import { lines, meetingsApi } from './api.ts';
import { ParticipantRows, participantsInput, type ParticipantRow } from './ParticipantRows.tsx';
import { useUnitOptions } from './useUnitOptions.ts';

/** Convening a meeting; from a notification, the urgent high-level meeting of clause 6 with the other unit. */
export function ConvenePage() {
  const [params] = useSearchParams();
  const from = params.get('notification');
  const trigger = useQuery({ queryKey: ['notification', from], queryFn: () => notificationsApi.get(from!), enabled: !!from });
  if (from && trigger.isPending) return <Loading />;
  if (trigger.error) return <ErrorNotice error={trigger.error} />;
  return <ConveneForm trigger={trigger.data ?? null} />;
}

function ConveneForm({ trigger }: { trigger: NotificationDetail | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pick = usePick();
  const navigate = useNavigate();
  const { me } = useMe();
  const units = useUnitOptions();
  const agreements = useQuery({ queryKey: ['agreements'], queryFn: api.agreements });
  usePageTitle(t('meetings.convene'));
  const other = trigger && (trigger.sender.id === me?.unit?.id ? trigger.recipient : trigger.sender);
  const form = useFormState({
    kind: (trigger ? 'urgent_high_level' : 'joint_work') as MeetingKind,
    agreementCode: trigger?.agreementCode ?? null,
    title: trigger ? t('meetings.urgentTitle', { reference: trigger.reference ?? '', title: inReaderScript(trigger.text, locale, trigger.authoritativeScript).title }) : '',
    unitIds: other ? [other.id] : ([] as string[]),
    scheduledAt: toRegionInput(new Date(Date.now() + 24 * 3_600_000)),
    location: '',
    agenda: '',
    participants: [] as ParticipantRow[],
  });
  const v = form.values;
  const convene = useIdempotentMutation(
    (_: void, key) =>
      meetingsApi.convene(
        {
          kind: v.kind,
          agreementCode: v.agreementCode,
          title: v.title.trim(),
          unitIds: v.unitIds,
          scheduledAt: fromRegionInput(v.scheduledAt) as string,
          location: v.location.trim() || null,
          agenda: lines(v.agenda),
          participants: participantsInput(v.participants),
          triggerNotificationId: trigger?.id ?? null,
        },
        key,
      ),
    { onSuccess: (meeting) => navigate(`/meetings/${meeting.id}`) },
  );
  const fieldError = fieldErrors(convene.error);
  const taking = [...(me?.unit ? [{ value: me.unit.id, label: pick(me.unit.name) }] : []), ...units.others.filter((u) => v.unitIds.includes(u.value))];

  return (
    <form
      noValidate
      aria-labelledby="convene-heading"
      onSubmit={(e) => {
        e.preventDefault();
        convene.mutate();
      }}
    >
      <Stack maw={900} gap="md">
        <Title order={1} id="convene-heading">
          {t('meetings.convene')}
        </Title>
        {trigger && <Alert color="red">{t('meetings.fromNotification', { reference: trigger.reference ?? '' })}</Alert>}
        <ErrorNotice error={convene.error ?? units.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('meetings.kind')}
            data={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
            value={v.kind}
            onChange={(k) => k && form.set('kind')(k as MeetingKind)}
            allowDeselect={false}
            required
            error={fieldError('kind')}
          />
          <Select
            label={t('meetings.agreement')}
            data={(agreements.data ?? []).map((a) => ({ value: a.code, label: pick(a.shortTitle) }))}
            value={v.agreementCode}
            onChange={form.set('agreementCode')}
            clearable
            error={fieldError('agreementCode')}
          />
        </SimpleGrid>
        <TextInput label={t('meetings.meetingTitle')} required {...form.text('title')} error={fieldError('title')} />
        <MultiSelect
          label={t('meetings.otherUnits')}
          description={t('meetings.otherUnitsHint')}
          data={units.others}
          value={v.unitIds}
          onChange={form.set('unitIds')}
          searchable
          required
          error={fieldError('unitIds')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('meetings.scheduledAt')} type="datetime-local" required {...form.text('scheduledAt')} error={fieldError('scheduledAt')} />
          <TextInput label={t('meetings.location')} {...form.text('location')} error={fieldError('location')} />
        </SimpleGrid>
        <Textarea label={t('meetings.agenda')} description={t('meetings.onePerLine')} autosize minRows={3} {...form.text('agenda')} error={fieldError('agenda')} />
        <ParticipantRows rows={v.participants} onChange={form.set('participants')} units={taking} fieldError={fieldError} />
        <Group>
          <Button type="submit" loading={convene.isPending}>
            {t('meetings.conveneSubmit')}
          </Button>
          <Button component={Link} to={trigger ? `/notifications/${trigger.id}` : '/meetings'} variant="subtle">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
