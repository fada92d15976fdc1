import { useQuery } from '@tanstack/react-query';
import { progressApi, progressKeys } from '../progressApi.ts';
import type { Indicator } from '../types.ts';

/** The indicators a report quotes, by code, with their figures as at the report's day (for signed-in readers). */
export function useIndicators(asOf: string) {
  const commitments = useQuery({ queryKey: progressKeys.commitments(asOf), queryFn: () => progressApi.commitments(asOf) });
  const byCode = new Map<string, Indicator & { areaCode: string }>();
  for (const c of commitments.data ?? []) for (const i of c.indicators) byCode.set(i.code, { ...i, areaCode: c.area.code });
  return byCode;
}
