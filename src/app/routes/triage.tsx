import { TriagePage } from '@/features/triage/components/triage-page';

export function TriageRoute() {
  return <TriagePage />;
}
