import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CommitmentStatus, ReportSummary, TargetStatus } from '../types.ts';

const tones: Record<CommitmentStatus | TargetStatus | ReportSummary['status'], string> = {
  not_started: 'gray',
  in_progress: 'blue',
  achieved: 'teal',
  overtaken: 'violet',
  dropped: 'red',
  no_measurement: 'gray',
  met: 'teal',
  missed: 'red',
  draft: 'grape',
  issued: 'teal',
};

type Props = { kind: 'commitment'; status: string } | { kind: 'target'; status: TargetStatus } | { kind: 'report'; status: ReportSummary['status'] };

/** The status of a commitment, a target or a report; the text is in the darkest shade so that it reads (WCAG AA). */
export function StatusBadge({ kind, status }: Props) {
  const { t } = useTranslation();
  const tone = tones[status as keyof typeof tones] ?? 'gray';
  const label =
    kind === 'commitment' ? t(`progress.status.${status}`, { defaultValue: status }) : kind === 'target' ? t(`progress.targetStatus.${status}`) : t(`progress.reportStatus.${status}`);
  return (
    <Badge variant="light" color={tone} c={`${tone}.9`} size="sm" style={{ flexShrink: 0, minWidth: 'max-content' }}>
      {label}
    </Badge>
  );
}
